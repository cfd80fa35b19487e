namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>
/// An article the extractor could not finish (a rule that ran past its time limit): rather than a silently shorter
/// result, the caller gets this and fails the article with its message.
/// </summary>
public sealed class ExtractionException(string message) : Exception(message);
