using BenchmarkDotNet.Running;
using KoreaTimeline.Benchmarks.Circuits;
using KoreaTimeline.Benchmarks.Load;

if (args is ["circuits", .. var rest])
{
    return await CircuitMemory.RunAsync(rest);
}
if (args is ["load", .. var options])
{
    return await LoadCommand.RunAsync(options);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point of the benchmarks.</summary>
public partial class Program;
