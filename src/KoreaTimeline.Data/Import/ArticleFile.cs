using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KoreaTimeline.Data.Import;

/// <summary>Optional metadata of an article, read from its <c>NAME.meta.json</c> sidecar.</summary>
public sealed record ArticleMetadata(string? Title = null, string? Outlet = null, string? Url = null, DateOnly? Published = null);

/// <summary>An article file read and checked, ready to extract.</summary>
/// <param name="Warning">Something in the input worth a look that did not stop it (an unknown sidecar field).</param>
public sealed record ArticleFile(string Source, string Text, string ContentHash, ArticleMetadata Metadata, string? Warning = null);

/// <summary>Why an input could not be read as an article; the message names the file and says what to do.</summary>
public sealed class ArticleInputException(string message) : Exception(message);

/// <summary>Reads article files: strict UTF-8, BOM stripped, size capped, sidecar metadata.</summary>
public static class ArticleFileReader
{
    /// <summary>Largest article accepted by default, in bytes.</summary>
    public const long DefaultMaxBytes = 2 * 1024 * 1024;

    /// <summary>Largest sidecar accepted, in bytes.</summary>
    public const long MaxSidecarBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Reads <paramref name="path"/> (plain text, or the main text of an <c>.html</c>/<c>.htm</c> page) and its
    /// sidecar; throws <see cref="ArticleInputException"/> for bad input.
    /// </summary>
    public static async Task<ArticleFile> ReadAsync(string path, string source, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        // Regular files only, size checked on the opened handle: a FIFO, a device or a link to /dev/zero is refused.
        byte[] bytes;
        try
        {
            bytes = await RegularFile.ReadAllBytesAsync(path, maxBytes, cancellationToken);
        }
        catch (IOException e)
        {
            throw new ArticleInputException($"{path}: could not be read ({e.Message}); check the file and import it again.");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ArticleInputException($"{path}: could not be read ({e.Message}); check its permissions.");
        }
        var (metadata, warning) = await ReadSidecarAsync(SidecarPath(path), cancellationToken);
        return FromBytes(bytes, path, source, HtmlText.IsHtmlPath(path), metadata) with { Warning = warning };
    }

    /// <summary>
    /// Reads an article from a stream (standard input): at most <paramref name="maxBytes"/>, HTML when it starts like a
    /// page. Its source is <c>stdin:</c> and the start of its content hash, so the same text imports once.
    /// </summary>
    public static async Task<ArticleFile> ReadStreamAsync(Stream stream, string name, long maxBytes = DefaultMaxBytes, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new ArticleInputException($"{name}: over the {maxBytes:N0}-byte limit for an article; split it or raise the limit (--max-bytes).");
            }
        }
        var text = Decode(buffer.ToArray(), name);
        var file = FromText(text, name, "", HtmlText.LooksLikeHtml(text), new ArticleMetadata());
        return file with { Source = "stdin:" + file.ContentHash[..16] };
    }

    /// <summary>Decodes, extracts the main text of HTML, and hashes: the article as it will be stored.</summary>
    public static ArticleFile FromBytes(ReadOnlySpan<byte> bytes, string name, string source, bool isHtml, ArticleMetadata metadata) =>
        FromText(Decode(bytes, name), name, source, isHtml, metadata);

    private static ArticleFile FromText(string text, string name, string source, bool isHtml, ArticleMetadata metadata)
    {
        if (isHtml)
        {
            text = HtmlText.Extract(text);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArticleInputException($"{name}: the page holds no article text once markup, scripts and navigation are dropped.");
            }
        }
        return new ArticleFile(source, text, Hash(text), metadata);
    }

    /// <summary>Decodes strict UTF-8 (BOM allowed) and rejects empty and binary content.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ArticleInputException($"{name}: encoded as UTF-16, not UTF-8; save the file as UTF-8 and import it again.");
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ArticleInputException($"{name}: looks like a binary file (it holds NUL bytes); import plain UTF-8 text.");
        }
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleInputException($"{name}: not valid UTF-8 (bad byte at offset {e.Index}); save the file as UTF-8 and import it again.");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleInputException($"{name}: the file is empty or only whitespace.");
        }
        return text;
    }

    /// <summary>SHA-256 of the text's UTF-8 bytes, lowercase hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Whether <paramref name="path"/> names an article file the importer reads: <c>.txt</c>, <c>.html</c>, <c>.htm</c>.</summary>
    public static bool IsArticlePath(string path) =>
        path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || HtmlText.IsHtmlPath(path);

    /// <summary>Whether <paramref name="path"/> is a sidecar (<c>name.meta.json</c>).</summary>
    public static bool IsSidecarPath(string path) => path.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sidecar of <c>dir/name.txt</c> is <c>dir/name.meta.json</c>.</summary>
    public static string SidecarPath(string articlePath) =>
        Path.Combine(Path.GetDirectoryName(articlePath) ?? "", Path.GetFileNameWithoutExtension(articlePath) + ".meta.json");

    /// <summary>The fields a sidecar may hold, each a string.</summary>
    public static readonly IReadOnlyList<string> SidecarFields = ["title", "outlet", "url", "published"];

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task<(ArticleMetadata Metadata, string? Warning)> ReadSidecarAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
        {
            return (new ArticleMetadata(), null);
        }
        byte[] bytes;
        try
        {
            bytes = await RegularFile.ReadAllBytesAsync(path, MaxSidecarBytes, cancellationToken);
        }
        catch (ArticleInputException e) when (e.Message.Contains("-byte limit", StringComparison.Ordinal))
        {
            throw new ArticleInputException($"{path}: a sidecar over 64 KB is not metadata; fix or remove it.");
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleInputException($"{path}: expected a JSON object with title, outlet, url, published.");
            }
            var unknown = new List<string>();
            foreach (var property in root.EnumerateObject())
            {
                if (!SidecarFields.Contains(property.Name))
                {
                    // Likely a typo ("auther", "publised"): the article still imports, and the warning says which field was ignored.
                    unknown.Add(property.Name);
                    continue;
                }
                if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    throw new ArticleInputException($"{path}: field '{property.Name}' is {Describe(property.Value.ValueKind)}; write it as a string (or leave it out).");
                }
            }
            string? Get(string name) =>
                root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString() : null;
            DateOnly? published = null;
            if (Get("published") is { } p)
            {
                published = DateOnly.TryParseExact(p, "yyyy-MM-dd", out var d)
                    ? d
                    : throw new ArticleInputException($"{path}: field 'published' is \"{p}\"; write it as YYYY-MM-DD.");
            }
            if (Get("url") is { } url && SourceUrls.HttpOrNull(url) is null)
            {
                throw new ArticleInputException($"{path}: field 'url' is not an absolute http(s) URL; only http and https links are kept.");
            }
            var warning = unknown.Count == 0 ? null
                : $"{path}: unknown field {string.Join(", ", unknown.Select(u => $"'{u}'"))} ignored; a sidecar has only {string.Join(", ", SidecarFields)}.";
            return (new ArticleMetadata(Get("title"), Get("outlet"), Get("url"), published), warning);
        }
        catch (JsonException e)
        {
            throw new ArticleInputException($"{path}: invalid JSON ({e.Message}); fix or remove the sidecar.");
        }
        catch (IOException e)
        {
            throw new ArticleInputException($"{path}: the sidecar could not be read ({e.Message}).");
        }
    }
}
