using BenchmarkDotNet.Running;
using CartStream.Benchmarks;

// Pick benchmarks on the command line: dotnet run -c Release --project benchmarks/CartStream.Benchmarks -- --filter '*Generator*'
// `-- cpu-time` runs the generator's CPU-time measurement instead (for machines shared with other work).
if (args is ["cpu-time"])
{
    CpuTimeRun.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
