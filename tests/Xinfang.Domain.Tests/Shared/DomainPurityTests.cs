using System.Reflection;
using Xinfang.Domain.Matters;

namespace Xinfang.Domain.Tests.Shared;

/// <summary>
/// What the banned-API analyzer checks in the other projects, checked here for the domain, which may not reference
/// the analyzer package: it reads no clock (today is passed in) and depends on nothing but the runtime.
/// </summary>
public sealed class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(Matter).Assembly;

    // By name: the banned-API analyzer refuses even a nameof() of these.
    private static readonly HashSet<MethodBase> Clocks =
    [
        Getter(typeof(DateTime), "Now"),
        Getter(typeof(DateTime), "UtcNow"),
        Getter(typeof(DateTime), "Today"),
        Getter(typeof(DateTimeOffset), "Now"),
        Getter(typeof(DateTimeOffset), "UtcNow"),
        Getter(typeof(TimeProvider), "System"),
    ];

    [Fact]
    public void The_domain_references_only_the_runtime()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib", name));
    }

    [Fact]
    public void No_domain_method_reads_the_clock()
    {
        var readers = MethodsOf(Domain).Where(m => CalledBy(m).Any(Clocks.Contains)).Select(m => $"{m.DeclaringType}.{m.Name}").ToList();

        Assert.Empty(readers);
        // The scan itself sees calls (it would pass vacuously otherwise): the domain formats plenty of strings.
        Assert.Contains(MethodsOf(Domain).SelectMany(CalledBy), m => m.DeclaringType == typeof(string));
    }

    private static MethodInfo Getter(Type type, string property) => type.GetProperty(property)!.GetMethod!;

    private static IEnumerable<MethodBase> MethodsOf(Assembly assembly)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return assembly.GetTypes().SelectMany(t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all)));
    }

    /// <summary>
    /// The methods a body calls: every call, callvirt, newobj and ldftn operand token that resolves to a method. A byte
    /// run that happens to look like one of these opcodes inside another operand resolves to nothing or to an unrelated
    /// method, so it can add noise but never hide a real call.
    /// </summary>
    private static IEnumerable<MethodBase> CalledBy(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var i = 0; i + 4 < il.Length; i++)
        {
            var isCall = il[i] is 0x28 or 0x6F or 0x73 || il[i] == 0xFE && il[i + 1] == 0x06;
            if (!isCall)
            {
                continue;
            }

            var at = il[i] == 0xFE ? i + 2 : i + 1;
            if (at + 4 > il.Length)
            {
                continue;
            }

            var token = BitConverter.ToInt32(il, at);
            MethodBase? called = null;
            try
            {
                called = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(),
                    method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (Exception e) when (e is ArgumentException or BadImageFormatException or MissingMethodException or TypeLoadException)
            {
                // Not a method token: the bytes belonged to another instruction's operand.
            }

            if (called is not null)
            {
                yield return called;
            }
        }
    }
}
