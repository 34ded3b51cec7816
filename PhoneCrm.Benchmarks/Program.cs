using PhoneCrm.Benchmarks;

// scripts/bench.sh starts a private PostgreSQL cluster and passes it here; see BenchOptions.Usage.
var connectionString = Environment.GetEnvironmentVariable("PHONECRM_BENCH_CONNECTION");
if (args is ["--help" or "-h", ..])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
if (string.IsNullOrEmpty(connectionString))
{
    Console.Error.WriteLine("PHONECRM_BENCH_CONNECTION is not set: run scripts/bench.sh, which starts a cluster for the benchmark.");
    return 2;
}

try
{
    return args switch
    {
        [ImportOneVerb.Name, .. var rest] => await ImportOneVerb.RunAsync(connectionString, rest),
        [ExportOneVerb.Name, .. var rest] => await ExportOneVerb.RunAsync(connectionString, rest),
        [ParseOnlyVerb.Name, .. var rest] => ParseOnlyVerb.Run(rest),
        [MakeFileVerb.Name, .. var rest] => MakeFileVerb.Run(rest),
        _ => await new BenchmarkRun(BenchOptions.Parse(args), connectionString).RunAsync(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
