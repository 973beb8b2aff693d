using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace CartStream.Benchmarks;

public static class Program
{
    // Pick benchmarks on the command line: dotnet run -c Release --project benchmarks/CartStream.Benchmarks -- --filter '*Generator*'
    // `-- cpu-time` runs the CPU-time measurements instead (for machines shared with other work).
    public static void Main(string[] args)
    {
        if (args is ["cpu-time-generator"])
        {
            GeneratorCpuTimeRun.Run(Console.Out);
            return;
        }

        if (args is ["transform-cpu-time"])
        {
            TransformCpuTimeRun.RunAsync(Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["transform-profile"])
        {
            TransformProfile.RunAsync(Console.Out).GetAwaiter().GetResult();
            return;
        }

        if (args is ["cpu-time", ..])
        {
            CpuTimeRunner.Run();
            GeneratorCpuTimeRun.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
            args,
            // Our 2-core machine is shared: building the benchmark's own executable can take longer than the 2 minutes
            // BenchmarkDotNet allows by default.
            ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15)));
    }
}
