namespace KoreaTimeline.Cli.Commands;

/// <summary>
/// A progress bar on standard error for long imports: redrawn in place on a terminal, otherwise silent (the
/// per-article log lines already say where an import is). Standard output is left to the summary.
/// </summary>
internal sealed class ProgressLine(int total, string verb)
{
    private const int Width = 30;
    private readonly bool enabled = total > 1 && !Console.IsErrorRedirected;
    private int done;

    public void Step(string source)
    {
        done++;
        if (!enabled)
        {
            return;
        }
        var filled = (int)((long)Width * done / total);
        var name = source.Length > 40 ? "…" + source[^39..] : source;
        Console.Error.Write($"\r{verb} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {name,-40}");
        if (done == total)
        {
            Console.Error.WriteLine();
        }
    }
}
