using IisModuleValidator.Benchmarks;

return args.FirstOrDefault() switch
{
    "cpp" => CppBenchmark.Run(args[1..]),
    "binaries" => BinaryBenchmark.Run(args[1..]),
    "project" => ProjectBenchmark.Run(args[1..]),
    "fuzz" => FuzzBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- cpp [--units N] | binaries [--files N] [--samples DIR] [--cli PATH] | project --cli PATH [--units N] [--tree DIR] | fuzz [--mutants N] [--seed S]");
    return 2;
}
