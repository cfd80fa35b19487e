namespace KoreaTimeline.Extraction.Temporal;

/// <summary>Receives what each parser and refiner of the tagger produced or changed; for tests and debugging.</summary>
public interface ITemporalTrace
{
    void Write(string stage, string message);
}

/// <summary>A trace that keeps its lines in memory.</summary>
public sealed class TemporalTraceLog : ITemporalTrace
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Write(string stage, string message) => _lines.Add($"[{stage}] {message}");

    public override string ToString() => string.Join(Environment.NewLine, _lines);
}
