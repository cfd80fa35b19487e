using BenchmarkDotNet.Running;
using KoreaTimeline.Benchmarks.Circuits;

if (args is ["circuits", .. var rest])
{
    return await CircuitMemory.RunAsync(rest);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
