using IisModuleValidator.Benchmarks;

// The yardstick is clang-19: the validator (here and in the CLI children) parses with the same version's libclang
// unless LIBCLANG_PATH says otherwise, though a newer one may be installed beside it.
if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("LIBCLANG_PATH")))
{
    Environment.SetEnvironmentVariable("LIBCLANG_PATH", "/usr/lib/llvm-19/lib/libclang-19.so.1");
}

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
