namespace KoreaTimeline.Extraction.Events;

/// <summary>Turns the verb of a trigger into the present tense of a headline: "arrived" → "arrives".</summary>
internal static class Inflector
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["met"] = "meets", ["meeting"] = "meets", ["held"] = "holds", ["holding"] = "holds", ["took"] = "takes", ["taking"] = "takes",
        ["flew"] = "flies", ["flown"] = "flies", ["began"] = "begins", ["begun"] = "begins", ["sent"] = "sends", ["lobbed"] = "lobs",
        ["slammed"] = "slams", ["agreed"] = "agrees", ["shipped"] = "ships", ["wrapped"] = "wraps", ["kicked"] = "kicks",
        ["signalled"] = "signals", ["signaled"] = "signals", ["transferred"] = "transfers", ["was"] = "is", ["were"] = "are",
        ["been"] = "is", ["made"] = "makes", ["making"] = "makes", ["sworn"] = "is sworn", ["elected"] = "is elected",
        ["impeached"] = "impeaches", ["visited"] = "visits", ["visiting"] = "visits", ["resumed"] = "resumes", ["resuming"] = "resumes", ["shipping"] = "ships", ["stopped"] = "stops", ["fired"] = "fires", ["firing"] = "fires", ["staged"] = "stages", ["staging"] = "stages", ["convened"] = "convenes", ["convening"] = "convenes",
        ["said"] = "says", ["told"] = "tells", ["died"] = "dies", ["won"] = "wins", ["struck"] = "strikes", ["sank"] = "sinks",
        ["blew"] = "blows up", ["spoke"] = "speaks", ["withdrew"] = "withdraws", ["shut"] = "shuts", ["put"] = "puts",
    };

    // Stems that lost a final e before -ed or -ing ("arriv-ed", "announc-ing").
    private static readonly string[] ESuffixes = ["v", "c", "z", "g", "at", "it", "ut", "ar", "os", "us", "id", "ud", "ir", "ur", "as", "u"];

    /// <param name="lemma">The verb's lemma when known: "led" (lemma "lead") → "leads".</param>
    public static string Present(string verb, string? lemma = null)
    {
        if (Irregular.TryGetValue(verb, out var known))
        {
            return known;
        }
        if (lemma is { Length: > 0 } && !verb.Equals(lemma, StringComparison.OrdinalIgnoreCase)
            && !verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            return ThirdPerson(lemma);
        }
        string stem;
        if (verb.EndsWith("ied", StringComparison.OrdinalIgnoreCase))
        {
            return verb[..^3] + "ies";
        }
        if (verb.EndsWith("ed", StringComparison.OrdinalIgnoreCase))
        {
            stem = verb[..^2];
        }
        else if (verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            stem = verb[..^3];
        }
        else
        {
            return verb.EndsWith('s') ? verb : ThirdPerson(verb);
        }
        if (stem.Length > 2 && ESuffixes.Any(s => stem.EndsWith(s, StringComparison.OrdinalIgnoreCase)) && !stem.EndsWith("ss", StringComparison.Ordinal))
        {
            stem += "e";
        }
        return ThirdPerson(stem);
    }

    /// <summary>The plural of a third-person verb, for subjects like "Seoul and Washington": "holds" → "hold".</summary>
    public static string Plural(string verb) => verb switch
    {
        "is" => "are",
        "has" => "have",
        _ when verb.EndsWith("ies", StringComparison.Ordinal) && verb.Length > 4 => verb[..^3] + "y",
        _ when verb.EndsWith("ches", StringComparison.Ordinal) || verb.EndsWith("shes", StringComparison.Ordinal)
            || verb.EndsWith("sses", StringComparison.Ordinal) || verb.EndsWith("xes", StringComparison.Ordinal) => verb[..^2],
        _ when verb.EndsWith('s') && !verb.EndsWith("ss", StringComparison.Ordinal) => verb[..^1],
        _ => verb,
    };

    private static string ThirdPerson(string stem) =>
        stem.EndsWith("ch", StringComparison.Ordinal) || stem.EndsWith("sh", StringComparison.Ordinal) || stem.EndsWith("ss", StringComparison.Ordinal)
        || stem.EndsWith('x')
            ? stem + "es"
            : stem.EndsWith('y') && stem.Length > 1 && !"aeiou".Contains(stem[^2], StringComparison.Ordinal) ? stem[..^1] + "ies"
            : stem + "s";
}
