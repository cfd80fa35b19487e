using System.Text.RegularExpressions;
namespace KoreaTimeline.Extraction.Pipeline;

/// <summary>A sentence of the article: <c>text[Start..End]</c>, trimmed, final punctuation included.</summary>
public readonly record struct Sentence(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;
}

/// <summary>Splits news text into sentences: at . ! ? before a capital, a digit or a quote, and at every line break.</summary>
public static partial class SentenceSplitter
{
    // Words whose trailing period does not end a sentence ("Gen. Kim", "Jan. 5", "U.S. Navy").
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov", "sen", "rep", "pres",
        "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "mt", "ft", "approx", "est", "dept", "univ",
    };

    // What may follow "10 a.m." in the same sentence: a zone ("KST", "Seoul time"), a day or a month.
    [GeneratedRegex(@"^(?:[A-Z]{2,5}\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|[A-Z][\w-]+\s+[Tt]ime\b)", RegexOptions.CultureInvariant)]
    private static partial Regex ClockQualifier();

    public static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                Add(sentences, text, start, i);
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' && EndsSentence(text, i))
            {
                var end = i + 1;
                while (end < text.Length && text[end] is '"' or '”' or '’' or '\'' or ')')
                {
                    end++;
                }
                Add(sentences, text, start, end);
                start = end;
                i = end - 1;
            }
        }
        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool EndsSentence(string text, int i)
    {
        var next = i + 1;
        while (next < text.Length && text[next] is '"' or '”' or '’' or '\'' or ')')
        {
            next++;
        }
        if (next >= text.Length)
        {
            return true;
        }
        if (!char.IsWhiteSpace(text[next]))
        {
            return false;
        }
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }
        if (next >= text.Length || text[next] is '\n' or '\r')
        {
            return true;
        }
        var following = text[next];
        if (!(char.IsUpper(following) || char.IsDigit(following) || following is '"' or '“' or '‘' or '(' or '\''))
        {
            return false;
        }
        if (text[i] != '.')
        {
            return true;
        }
        // The word before the period: an abbreviation or an initial ("U.S.", "J.") does not end a sentence.
        var wordStart = i;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text.AsSpan(wordStart, i - wordStart);
        if (word.Equals("a.m", StringComparison.OrdinalIgnoreCase) || word.Equals("p.m", StringComparison.OrdinalIgnoreCase))
        {
            // "struck at 10:29 a.m. China's agency said": a clock time ends a sentence unless a zone or day follows it.
            return !ClockQualifier().IsMatch(text.AsSpan(next));
        }
        if (word.Contains('.') || word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }
        return !Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        // "■ The same day, ..." : a list marker is not part of the entry's sentence, which opens after it.
        if (end - start > 2 && IsListMarker(text[start]) && char.IsWhiteSpace(text[start + 1]))
        {
            start += 2;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (end > start)
        {
            sentences.Add(new Sentence(start, end));
        }
    }

    private static bool IsListMarker(char c) => c is '■' or '□' or '•' or '●' or '○' or '▪' or '▫' or '◆' or '◇' or '►' or '▶' or '*' or '-' or '–' or '—' or '·';
}
