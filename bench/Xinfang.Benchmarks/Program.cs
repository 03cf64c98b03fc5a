using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Xinfang.Benchmarks;

// `recalc-once`: one calendar edit on a fresh copy of the 100,000-deadline database, timed, for profiling
// (e.g. under dotnet-trace). Everything else goes to BenchmarkDotNet; pick benchmarks with --filter.
if (args is ["recalc-once", ..])
{
    await RecalculationBenchmarks.OnceAsync();
    return;
}

// `prevention [sqlite|postgres]`: the ledger import of 10,000 rows and the analysis of a year of 50,000 items (BENCHMARKS.md).
if (args is ["prevention", ..])
{
    await PreventionBenchmark.RunAsync(args.Length > 1 ? args[1] : "sqlite");
    return;
}

// Typed by a benchmark class: the referenced web host has a top-level Program of its own. The generated project
// builds that host too, which can take longer than BenchmarkDotNet's default 2 minutes on a busy 2-core machine.
BenchmarkSwitcher.FromAssembly(typeof(DueDateBenchmarks).Assembly)
    .Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
