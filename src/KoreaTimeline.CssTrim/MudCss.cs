using System.Text.RegularExpressions;

namespace KoreaTimeline.CssTrim;

/// <summary>What to trim: MudBlazor's stylesheet, assembly and script, the app's source folders and the output file.</summary>
public sealed record TrimRequest(string Css, string Assembly, string Script, IReadOnlyList<string> Sources, string Output);

/// <summary>The trimmed stylesheet, the size it came from and the MudBlazor components whose classes it keeps.</summary>
public sealed record TrimResult(string Css, int InputLength, IReadOnlyList<string> Components);

/// <summary>
/// MudBlazor's stylesheet cut to what the app can show. The classes kept are every class-like word of the app's sources
/// (Razor, C#, JavaScript: the utility classes and MudBlazor classes it writes itself), the literals of the MudBlazor
/// components its sources name and of everything those render (<see cref="ComponentLiterals"/>), and the words of
/// MudBlazor's script (classes it sets in the browser). Words that are no class cost nothing: a rule is kept only when
/// all its classes are known.
/// </summary>
public static partial class MudCss
{
    /// <summary>The file types read for class names and component names.</summary>
    public static readonly string[] SourcePatterns = ["*.razor", "*.cs", "*.js"];

    public static TrimResult Trim(TrimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var classes = new ClassSet();
        var componentNames = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(request.Sources))
        {
            var text = File.ReadAllText(file);
            classes.AddWords(text);
            foreach (var word in Words(WithoutComments(text)).Where(w => w.Length > 3 && w.StartsWith("Mud", StringComparison.Ordinal) && char.IsAsciiLetterUpper(w[3])))
            {
                componentNames.Add(word);
            }
        }
        var literals = ComponentLiterals.Read(request.Assembly, componentNames);
        foreach (var literal in literals.Literals)
        {
            classes.AddWords(literal);
        }
        classes.AddWords(File.ReadAllText(request.Script));
        var css = File.ReadAllText(request.Css);
        return new TrimResult(CssTrimmer.Trim(css, classes), css.Length, literals.Components);
    }

    /// <summary>The source files under the folders, without build output, in a stable order.</summary>
    public static IEnumerable<string> SourceFiles(IEnumerable<string> folders) =>
        folders.SelectMany(folder => SourcePatterns.SelectMany(pattern => Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)))
            .Where(f => !f.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The text without Razor, HTML and C# comments, where a component named in passing ("unlike MudDataGrid") is no use
    /// of it. Rough on purpose: a <c>//</c> inside a string also cuts its line, which at worst keeps fewer components
    /// named in code, and the tests render every page against the trimmed stylesheet.
    /// </summary>
    public static string WithoutComments(string text) => Comment().Replace(text, " ");

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->|/\*.*?\*/|(?<![:""'])//[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comment();

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                yield return text[start..i];
                start = -1;
            }
        }
    }
}
