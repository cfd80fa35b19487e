using System.Diagnostics;
using System.Text;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>
/// The <c>koreatimeline</c> command as a child process: its dll is copied next to the tests through the project
/// reference. Output is drained as it comes so a chatty child never blocks on a full pipe.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stdout = new();
    private readonly StringBuilder stderr = new();

    private CliProcess(Process process) => this.process = process;

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "koreatimeline.dll");

    public string Stdout { get { lock (stdout) { return stdout.ToString(); } } }

    public string Stderr { get { lock (stderr) { return stderr.ToString(); } } }

    public int ExitCode => process.ExitCode;

    public bool HasExited => process.HasExited;

    public static CliProcess Start(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = info };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => { lock (cli.stdout) { cli.stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (cli.stderr) { cli.stderr.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public async Task WriteStdinAndCloseAsync(string text)
    {
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
    }

    /// <summary>Waits for the child to end, at most <paramref name="timeout"/>; kills it and fails past that.</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"koreatimeline did not finish in {timeout}. stderr:\n{Stderr}");
        }
        process.WaitForExit(); // Flushes the redirected output.
    }

    /// <summary>SIGKILL on Unix: the child gets no chance to clean up.</summary>
    public void KillHard() => process.Kill();

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
