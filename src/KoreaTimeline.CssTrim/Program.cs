using System.Text;

namespace KoreaTimeline.CssTrim;

// Usage: KoreaTimeline.CssTrim --css MudBlazor.min.css --assembly MudBlazor.dll --script MudBlazor.min.js
//        --sources DIR [--sources DIR ...] --out FILE
// Run by the web project's build (TrimMudBlazorCss in KoreaTimeline.Web.csproj); writes FILE only when it changes.
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!options.TryGetValue(args[i], out var values))
            {
                options[args[i]] = values = [];
            }
            values.Add(args[i + 1]);
        }
        string One(string name) => options.TryGetValue(name, out var v) && v.Count == 1
            ? v[0]
            : throw new ArgumentException($"Give {name} once. Usage: --css FILE --assembly FILE --script FILE --sources DIR... --out FILE");

        try
        {
            var request = new TrimRequest(One("--css"), One("--assembly"), One("--script"), options.GetValueOrDefault("--sources") ?? [], One("--out"));
            var result = MudCss.Trim(request);
            var existing = File.Exists(request.Output) ? await File.ReadAllTextAsync(request.Output) : null;
            if (existing != result.Css)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(request.Output))!);
                await File.WriteAllTextAsync(request.Output, result.Css, new UTF8Encoding(false));
            }
            // CSSTRIM_VERBOSE=1 lists the MudBlazor components whose classes were kept.
            if (Environment.GetEnvironmentVariable("CSSTRIM_VERBOSE") == "1")
            {
                Console.WriteLine(string.Join(" ", result.Components));
            }
            Console.WriteLine($"KoreaTimeline.CssTrim: {request.Output}: {result.Css.Length:N0} of {result.InputLength:N0} characters, {result.Components.Count} MudBlazor components");
            return 0;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException or BadImageFormatException)
        {
            Console.Error.WriteLine($"KoreaTimeline.CssTrim: {e.Message}");
            return 1;
        }
    }
}
