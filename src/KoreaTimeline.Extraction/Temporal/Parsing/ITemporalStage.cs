namespace KoreaTimeline.Extraction.Temporal.Parsing;

/// <summary>What one Tag call shares between the stages.</summary>
internal sealed class TagContext(string text, DateOnly reference, ITemporalTrace? trace)
{
    public string Text { get; } = text;
    public DateOnly Reference { get; } = reference;
    public ITemporalTrace? Trace { get; } = trace;

    public void Log(string stage, string message) => Trace?.Write(stage, message);
}

/// <summary>Finds candidates in the text.</summary>
internal interface ITemporalParser
{
    void Parse(TagContext context, List<Candidate> output);
}

/// <summary>Changes, normalizes or rejects the candidates, in text order.</summary>
internal interface ITemporalRefiner
{
    void Refine(TagContext context, List<Candidate> candidates);
}
