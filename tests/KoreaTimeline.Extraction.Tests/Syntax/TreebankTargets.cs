namespace KoreaTimeline.Extraction.Tests.Syntax;

/// <summary>
/// The accuracy the embedded models must keep on the UD English EWT dev split (percent of words). They sit a little
/// under what the committed models measure, so that a retrained model may move within noise but not drop.
/// </summary>
internal static class TreebankTargets
{
    public const double Upos = 95.0;
    public const double Lemma = 96.0;
    public const double Uas = 83.8;
    public const double Las = 79.9;
}
