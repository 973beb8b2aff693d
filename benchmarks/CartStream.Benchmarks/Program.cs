using BenchmarkDotNet.Running;

// Pick benchmarks on the command line: dotnet run -c Release --project benchmarks/CartStream.Benchmarks -- --filter '*Generator*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
