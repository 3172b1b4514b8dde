using BenchmarkDotNet.Running;

// BenchmarkDotNet benchmarks are picked with --filter; harness benchmarks (servers, databases) by name.
return args.FirstOrDefault() switch
{
    "harness" when args.Length > 1 => await Ingestion.Benchmarks.Harnesses.RunAsync(args[1], args[2..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Ingestion.Benchmarks.Harnesses).Assembly).Run(args);
    return 0;
}
