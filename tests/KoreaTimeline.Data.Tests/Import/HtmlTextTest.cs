using KoreaTimeline.Data.Import;

namespace KoreaTimeline.Data.Tests.Import;

public sealed class HtmlTextTest
{
    [Fact]
    public void Keeps_the_article_paragraphs_and_drops_page_furniture()
    {
        const string html = """
            <!DOCTYPE html>
            <html><head><title>Wire | Missiles</title><style>p { color: red }</style>
            <script>var x = "<p>not text</p>";</script></head>
            <body>
              <nav><a href="/">Home</a> <a href="/world">World</a></nav>
              <header class="site"><div>Test Wire</div></header>
              <article>
                <header><h1>Missiles fired &amp; tracked</h1></header>
                <p>North Korea fired two missiles
                   on Tuesday,&nbsp;officials said.</p>
                <!-- an ad slot -->
                <aside>Read more: other stories</aside>
                <p>The launch came a day after drills began &#8212; the
                <a href="/x">JCS</a> said.</p>
                <figure><img src="a.jpg"><figcaption>A launch, file photo</figcaption></figure>
              </article>
              <footer>Copyright</footer>
            </body></html>
            """;

        var text = HtmlText.Extract(html);

        Assert.Equal(
            "Missiles fired & tracked\n\nNorth Korea fired two missiles on Tuesday, officials said.\n\nThe launch came a day after drills began \u2014 the JCS said.",
            text);
    }

    [Fact]
    public void Without_an_article_element_keeps_the_body_text()
    {
        var text = HtmlText.Extract("<html><body><p>First paragraph.<p>Second &lt;quoted&gt; one.<br>Third line.</body></html>");

        Assert.Equal("First paragraph.\n\nSecond <quoted> one.\n\nThird line.", text);
    }

    [Fact]
    public void Main_element_is_the_scope_when_there_is_no_article()
    {
        var text = HtmlText.Extract("<body><div>Menu</div><main><p>Story text.</p></main><div>Sidebar</div></body>");

        Assert.Equal("Story text.", text);
    }

    [Theory]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("<p title=\"x > y\">Quoted attribute</p>", "Quoted attribute")]
    [InlineData("<p>Unclosed <b>bold", "Unclosed bold")]
    [InlineData("<script>never closed", "")]
    [InlineData("<html><head><title>T</title><meta charset=utf-8><body><p>No end of head.", "No end of head.")]
    [InlineData("<p>Tom &amp; Jerry&#39;s &#x41;</p>", "Tom & Jerry's A")]
    [InlineData("", "")]
    public void Tolerates_sloppy_markup(string html, string expected) =>
        Assert.Equal(expected, HtmlText.Extract(html));

    [Theory]
    [InlineData("<!DOCTYPE html><html>", true)]
    [InlineData("  \n<html lang=\"en\">", true)]
    [InlineData("North Korea fired <two> missiles.", false)]
    public void Recognizes_a_page(string text, bool expected) => Assert.Equal(expected, HtmlText.LooksLikeHtml(text));
}
