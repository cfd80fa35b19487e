using System.Text;
using KoreaTimeline.Data.Import;

namespace KoreaTimeline.Data.Tests.Import;

public sealed class ArticleFileReaderTest : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "koreatimeline-reader-tests", Guid.NewGuid().ToString("N"))).FullName;

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Hash_is_sha256_of_the_utf8_text_in_lowercase_hex()
    {
        // SHA-256("abc") is a published test vector.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ArticleFileReader.Hash("abc"));
        Assert.NotEqual(ArticleFileReader.Hash("Seoul"), ArticleFileReader.Hash("Seoul "));
    }

    [Fact]
    public async Task A_byte_order_mark_does_not_change_the_text_or_its_hash()
    {
        var plain = Write("plain.txt", Encoding.UTF8.GetBytes("Kim Jong-un visited Pyongyang."));
        var withBom = Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Kim Jong-un visited Pyongyang.")]);

        var a = await ArticleFileReader.ReadAsync(plain, "plain.txt", cancellationToken: Cancellation);
        var b = await ArticleFileReader.ReadAsync(withBom, "bom.txt", cancellationToken: Cancellation);

        Assert.Equal(a.Text, b.Text);
        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.Equal('K', b.Text[0]);
    }

    [Fact]
    public async Task Reads_every_sidecar_field()
    {
        var path = Write("story.txt", Encoding.UTF8.GetBytes("Text."));
        File.WriteAllText(Path.Combine(folder, "story.meta.json"),
            """{"title": "A title", "outlet": "Test Wire", "url": "https://example.org/a", "published": "2025-03-02", "extra": 1}""");

        var file = await ArticleFileReader.ReadAsync(path, "story.txt", cancellationToken: Cancellation);

        Assert.Equal(new ArticleMetadata("A title", "Test Wire", "https://example.org/a", new DateOnly(2025, 3, 2)), file.Metadata);
    }

    [Fact]
    public async Task Sidecar_fields_are_optional_and_a_missing_sidecar_is_no_metadata()
    {
        var path = Write("story.txt", Encoding.UTF8.GetBytes("Text."));
        var none = await ArticleFileReader.ReadAsync(path, "story.txt", cancellationToken: Cancellation);
        File.WriteAllText(Path.Combine(folder, "story.meta.json"), """{"outlet": "Test Wire"}""");
        var some = await ArticleFileReader.ReadAsync(path, "story.txt", cancellationToken: Cancellation);

        Assert.Equal(new ArticleMetadata(), none.Metadata);
        Assert.Equal(new ArticleMetadata(Outlet: "Test Wire"), some.Metadata);
    }

    [Theory]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"published\": ", "invalid JSON")]
    [InlineData("{\"published\": \"March 2\"}", "YYYY-MM-DD")]
    public async Task A_bad_sidecar_names_the_sidecar(string json, string reason)
    {
        var path = Write("story.txt", Encoding.UTF8.GetBytes("Text."));
        File.WriteAllText(Path.Combine(folder, "story.meta.json"), json);

        var error = await Assert.ThrowsAsync<ArticleInputException>(() => ArticleFileReader.ReadAsync(path, "story.txt", cancellationToken: Cancellation));

        Assert.Contains("story.meta.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_html_file_is_stored_as_its_main_text_with_the_sidecar_of_the_same_name()
    {
        var path = Write("page.html", Encoding.UTF8.GetBytes("<html><body><nav>Home</nav><p>North Korea fired a missile on Tuesday.</p></body></html>"));
        File.WriteAllText(Path.Combine(folder, "page.meta.json"), """{"published": "2025-03-12"}""");

        var file = await ArticleFileReader.ReadAsync(path, "page.html", cancellationToken: Cancellation);

        Assert.Equal("North Korea fired a missile on Tuesday.", file.Text);
        Assert.Equal(ArticleFileReader.Hash(file.Text), file.ContentHash);
        Assert.Equal(new DateOnly(2025, 3, 12), file.Metadata.Published);
    }

    [Fact]
    public async Task Standard_input_gets_a_source_from_its_hash_and_is_sniffed_for_html()
    {
        using var text = new MemoryStream(Encoding.UTF8.GetBytes("North Korea fired a missile."));
        using var page = new MemoryStream(Encoding.UTF8.GetBytes("<!doctype html><p>North Korea fired a missile.</p>"));

        var a = await ArticleFileReader.ReadStreamAsync(text, "standard input", cancellationToken: Cancellation);
        var b = await ArticleFileReader.ReadStreamAsync(page, "standard input", cancellationToken: Cancellation);

        Assert.Equal(a.Text, b.Text);
        Assert.Equal("stdin:" + a.ContentHash[..16], a.Source);
        Assert.Equal(a.Source, b.Source);
    }

    [Fact]
    public async Task Standard_input_over_the_limit_is_refused()
    {
        using var big = new MemoryStream(new byte[4096]);

        var error = await Assert.ThrowsAsync<ArticleInputException>(() => ArticleFileReader.ReadStreamAsync(big, "standard input", 1024, Cancellation));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_with_no_text_is_refused()
    {
        var path = Write("empty.html", Encoding.UTF8.GetBytes("<html><head><script>x()</script></head><body><nav>Home</nav></body></html>"));

        var error = await Assert.ThrowsAsync<ArticleInputException>(() => ArticleFileReader.ReadAsync(path, "empty.html", cancellationToken: Cancellation));

        Assert.Contains("empty.html", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("a.HTML", true)]
    [InlineData("a.htm", true)]
    [InlineData("a.meta.json", false)]
    [InlineData("a.pdf", false)]
    public void Knows_article_files_by_extension(string path, bool expected) =>
        Assert.Equal(expected, ArticleFileReader.IsArticlePath(path));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
