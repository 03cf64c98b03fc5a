using Xinfang.LoadTest;

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// Workers block in SQLite's busy wait; do not let thread-pool injection (about one thread a second) shape the result.
ThreadPool.SetMinThreads((options.Concurrency * 2) + 16, (options.Concurrency * 2) + 16);
var row = await Benchmark.RunAsync(options);
if (options.Header)
{
    Console.WriteLine(Benchmark.Header);
}

Console.WriteLine(row);
return 0;
