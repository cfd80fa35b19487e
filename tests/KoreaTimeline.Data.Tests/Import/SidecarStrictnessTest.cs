using KoreaTimeline.Data.Import;

namespace KoreaTimeline.Data.Tests.Import;

/// <summary>A sidecar's fields are checked by name and type; its url must be http(s). Errors name the file and the field.</summary>
public sealed class SidecarStrictnessTest : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("koreatimeline-sidecar-").FullName;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<ArticleInputException> RefusedAsync(string json)
    {
        var path = Path.Combine(folder, "story.txt");
        await File.WriteAllTextAsync(path, "Seoul, March 2 (Wire) -- Talks were held on Friday.", Cancellation);
        await File.WriteAllTextAsync(Path.Combine(folder, "story.meta.json"), json, Cancellation);
        return await Assert.ThrowsAsync<ArticleInputException>(() => ArticleFileReader.ReadAsync(path, "story.txt", cancellationToken: Cancellation));
    }

    [Theory]
    [InlineData("{\"published\": true}", "field 'published' is a boolean")]
    [InlineData("{\"title\": 123}", "field 'title' is a number")]
    [InlineData("{\"outlet\": [\"a\"]}", "field 'outlet' is an array")]
    [InlineData("{\"url\": {\"href\": \"https://x\"}}", "field 'url' is an object")]
    [InlineData("{\"url\": \"javascript:alert(1)\"}", "field 'url' is not an absolute http(s) URL")]
    [InlineData("{\"url\": \"file:///etc/passwd\"}", "field 'url' is not an absolute http(s) URL")]
    [InlineData("{\"url\": \"/relative/path\"}", "field 'url' is not an absolute http(s) URL")]
    [InlineData("{\"url\": \"https://exa mple.com/\"}", "field 'url' is not an absolute http(s) URL")]
    public async Task A_wrong_field_names_the_sidecar_and_the_field(string json, string reason)
    {
        var error = await RefusedAsync(json);

        Assert.Contains("story.meta.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_is_a_warning_naming_the_sidecar_and_the_field_and_the_article_imports()
    {
        await using var db = await TemporaryDatabase.CreateAsync();
        db.WriteArticle("story.txt", GeneratedArticles.Text(4), "{\"title\": \"T\", \"auther\": \"Kim\", \"publised\": \"2025-03-02\"}");

        var result = Assert.Single(await db.Importer.ImportFolderAsync(db.ArticlesPath, Cancellation));

        Assert.Equal(ImportStatus.New, result.Status);
        Assert.Contains("story.meta.json: unknown field 'auther', 'publised' ignored", result.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_and_https_urls_and_null_fields_are_accepted()
    {
        var path = Path.Combine(folder, "ok.txt");
        await File.WriteAllTextAsync(path, "Text.", Cancellation);
        await File.WriteAllTextAsync(Path.Combine(folder, "ok.meta.json"), "{\"url\": \"http://example.com/a?b=1\", \"title\": null, \"published\": \"2025-03-02\"}", Cancellation);

        var file = await ArticleFileReader.ReadAsync(path, "ok.txt", cancellationToken: Cancellation);

        Assert.Equal(new ArticleMetadata(Url: "http://example.com/a?b=1", Published: new DateOnly(2025, 3, 2)), file.Metadata);
    }

    [Theory]
    [InlineData("https://example.com/x", "https://example.com/x")]
    [InlineData("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("data:text/html,x", null)]
    [InlineData("ftp://example.com", null)]
    [InlineData("https://example.com/\u0001", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_http_urls_are_kept(string? url, string? kept) => Assert.Equal(kept, SourceUrls.HttpOrNull(url));
}
