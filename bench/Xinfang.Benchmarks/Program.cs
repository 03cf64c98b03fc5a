using BenchmarkDotNet.Running;
using Xinfang.Benchmarks;

// `recalc-once`: one calendar edit on a fresh copy of the 100,000-deadline database, timed, for profiling
// (e.g. under dotnet-trace). Everything else goes to BenchmarkDotNet; pick benchmarks with --filter.
if (args is ["recalc-once", ..])
{
    await RecalculationBenchmarks.OnceAsync();
    return;
}

// Typed by a benchmark class: the referenced web host has a top-level Program of its own.
BenchmarkSwitcher.FromAssembly(typeof(DueDateBenchmarks).Assembly).Run(args);
