using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace CartStream.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["cpu-time-generator"])
        {
            GeneratorCpuTimeRun.Run(Console.Out);
            return;
        }

        if (args is ["cpu-time", ..])
        {
            CpuTimeRunner.Run();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
            args,
            // Our 2-core machine is shared: building the benchmark's own executable can take longer than the 2 minutes
            // BenchmarkDotNet allows by default.
            ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15)));
    }
}
