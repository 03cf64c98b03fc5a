using Mono.Cecil;

namespace Xinfang.Web.Tests.Architecture;

/// <summary>
/// The folders without rings of docs/adr/0006: each namespace may use its own layer and the layers below it, never one
/// above. Read from the compiled IL (signatures, bodies, attributes), so a fully qualified name cannot slip past it.
/// A namespace that is in no layer fails the test: a new folder is placed on purpose, not by accident.
/// </summary>
public sealed class LayerTests
{
    /// <summary>Xinfang.Web, top to bottom. The composition root sees everything; Data sees nothing of the web.</summary>
    private static readonly string[] WebLayers =
    [
        "Xinfang.Web.Hosting",
        "Xinfang.Web.Features.Generator",
        "Xinfang.Web.Features.Statistics",
        "Xinfang.Web.Features.Desk",
        "Xinfang.Web.Features.Portal",
        "Xinfang.Web.Features.Supervision",
        "Xinfang.Web.Features.Exchange",
        "Xinfang.Web.Features.Notices",
        "Xinfang.Web.Features.Attachments",
        "Xinfang.Web.Features.Prevention",
        "Xinfang.Web.Features.Calendar",
        "Xinfang.Web.Features.Registry",
        "Xinfang.Web.Features.Matters",
        "Xinfang.Web.Features.Routing",
        "Xinfang.Web.Features.Categories",
        "Xinfang.Web.Features.Audit",
        "Xinfang.Web.Features.Organisation",
        "Xinfang.Web.Features.Shared",
        "Xinfang.Web.Features.Accounts",
        "Xinfang.Web.Documents",
        "Xinfang.Web.Infrastructure",
        "Xinfang.Web.Data",
    ];

    /// <summary>Xinfang.Domain, top to bottom.</summary>
    private static readonly string[] DomainLayers =
    [
        "Xinfang.Domain.Statistics",
        "Xinfang.Domain.Supervision",
        "Xinfang.Domain.Routing",
        "Xinfang.Domain.Matters",
        "Xinfang.Domain.Prevention",
        "Xinfang.Domain.Organisation",
        "Xinfang.Domain.Intake",
        "Xinfang.Domain.Deadlines",
        "Xinfang.Domain.Shared",
    ];

    [Fact]
    public void No_web_namespace_uses_one_above_it() => AssertNone(Violations(typeof(Data.XinfangDb).Assembly.Location, WebLayers));

    [Fact]
    public void No_domain_namespace_uses_one_above_it() => AssertNone(Violations(typeof(Domain.Matters.Matter).Assembly.Location, DomainLayers));

    private static void AssertNone(List<string> violations) => Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

    [Fact]
    public void The_check_sees_a_use_hidden_in_a_method_body()
    {
        // The layer check is only worth something if it can fail: Hosting's initializer calls into Features (above
        // Data), so with the order turned round the same reading must report it.
        var upsideDown = WebLayers.Reverse().ToArray();
        Assert.Contains(Violations(typeof(Data.XinfangDb).Assembly.Location, upsideDown),
            v => v.StartsWith("Xinfang.Web.Hosting → Xinfang.Web.Features", StringComparison.Ordinal));
    }

    private static List<string> Violations(string assemblyPath, string[] layers)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var prefix = layers[0][..layers[0].IndexOf('.', "Xinfang.".Length)];
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in module.GetTypes())
        {
            var from = Layer(OwnNamespace(type), prefix, layers, found);
            if (from is null)
            {
                continue;
            }

            foreach (var used in UsedNamespaces(type).Where(n => n.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                var to = Layer(used, prefix, layers, found);
                if (to is not null && to.Value < from.Value)
                {
                    found.Add($"{layers[from.Value]} → {layers[to.Value]} ({type.FullName} uses {used})");
                }
            }
        }

        return [.. found];
    }

    /// <summary>The index of the layer a namespace belongs to (its own or its nearest listed parent); null outside the assembly's prefix.</summary>
    private static int? Layer(string ns, string prefix, string[] layers, SortedSet<string> found)
    {
        if (!ns.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        for (var i = 0; i < layers.Length; i++)
        {
            if (ns == layers[i] || ns.StartsWith(layers[i] + ".", StringComparison.Ordinal))
            {
                return i;
            }
        }

        found.Add($"{ns} is in no layer: place it in the list of {nameof(LayerTests)}");
        return null;
    }

    /// <summary>
    /// Nested and compiler-generated types take their outermost type's namespace; Razor views are compiled into one
    /// namespace of their own and named after their path (Features_Matters_Details), so they take their folder's.
    /// Program's top-level statements sit in the global namespace and are the composition root.
    /// </summary>
    private static string OwnNamespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        if (type.Namespace == "AspNetCoreGeneratedDocument" && type.Name.StartsWith("Features_", StringComparison.Ordinal))
        {
            var folder = type.Name["Features_".Length..].Split('_')[0];
            return "Xinfang.Web.Features." + (folder.Length == 0 ? "Shared" : folder);
        }

        return type.Namespace.Length == 0 && type.Module.Assembly.Name.Name == "Xinfang.Web" ? "Xinfang.Web.Hosting" : type.Namespace;
    }

    private static HashSet<string> UsedNamespaces(TypeDefinition type)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(TypeReference? t)
        {
            while (t is TypeSpecification spec)
            {
                if (spec is GenericInstanceType generic)
                {
                    foreach (var argument in generic.GenericArguments)
                    {
                        Add(argument);
                    }
                }

                t = spec.ElementType;
            }

            if (t is null or GenericParameter)
            {
                return;
            }

            while (t.DeclaringType is not null)
            {
                t = t.DeclaringType;
            }

            seen.Add(t.Namespace);
        }

        void AddMember(MemberReference member)
        {
            switch (member)
            {
                case TypeReference t:
                    Add(t);
                    break;
                case MethodReference m:
                    Add(m.DeclaringType);
                    Add(m.ReturnType);
                    foreach (var p in m.Parameters)
                    {
                        Add(p.ParameterType);
                    }

                    if (m is GenericInstanceMethod gm)
                    {
                        foreach (var a in gm.GenericArguments)
                        {
                            Add(a);
                        }
                    }

                    break;
                case FieldReference f:
                    Add(f.DeclaringType);
                    Add(f.FieldType);
                    break;
            }
        }

        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Add(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments)
                {
                    if (argument.Value is TypeReference typeArgument)
                    {
                        Add(typeArgument);
                    }
                }
            }
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType);
        }

        foreach (var field in type.Fields)
        {
            Add(field.FieldType);
            AddAttributes(field);
        }

        foreach (var property in type.Properties)
        {
            Add(property.PropertyType);
            AddAttributes(property);
        }

        foreach (var method in type.Methods)
        {
            AddMember(method);
            AddAttributes(method);
            if (!method.HasBody)
            {
                continue;
            }

            foreach (var variable in method.Body.Variables)
            {
                Add(variable.VariableType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                if (instruction.Operand is MemberReference member)
                {
                    AddMember(member);
                }
            }
        }

        return seen;
    }
}
