using KoreaTimeline.CssTrim;
using MudBlazor;

namespace KoreaTimeline.Web.Tests.Styles;

/// <summary>The build step that cuts MudBlazor's stylesheet: which rules stay, and what MudBlazor's IL says a component writes.</summary>
public sealed class CssTrimmerTest
{
    private static ClassSet Classes(params string[] words)
    {
        var set = new ClassSet();
        foreach (var word in words)
        {
            set.AddWords(word);
        }
        return set;
    }

    [Fact]
    public void A_rule_stays_when_every_class_it_requires_is_known()
    {
        const string css = ".a{color:red}.a.b{color:blue}.c .a{color:green}.d{color:black}";

        Assert.Equal(".a{color:red}.a.b{color:blue}", CssTrimmer.Trim(css, Classes("a b")));
    }

    [Fact]
    public void A_selector_list_keeps_the_selectors_that_can_match()
    {
        Assert.Equal(".a:hover,.a>p{x:1}", CssTrimmer.Trim(".a:hover,.unused,.a>p{x:1}", Classes("a")));
    }

    [Fact]
    public void Rules_without_classes_stay_and_classes_in_parentheses_are_not_required()
    {
        const string css = "*{box-sizing:border-box}body{margin:0}.a:not(.never){x:1}:is(.x,.y) .a{x:2}[data-x=\".z\"]{x:3}";

        Assert.Equal(css, CssTrimmer.Trim(css, Classes("a")));
    }

    [Fact]
    public void Escaped_class_names_are_read_unescaped()
    {
        const string css = @".hover\:mud-primary-hover:hover{x:1}.sm\:d-none{x:2}";

        Assert.Equal(@".hover\:mud-primary-hover:hover{x:1}", CssTrimmer.Trim(css, Classes("hover:mud-primary-hover")));
    }

    [Fact]
    public void Media_blocks_are_trimmed_inside_and_dropped_when_empty()
    {
        const string css = "@media(max-width:600px){.a{x:1}.b{x:2}}@media print{.b{x:3}}";

        Assert.Equal("@media(max-width:600px){.a{x:1}}", CssTrimmer.Trim(css, Classes("a")));
    }

    [Fact]
    public void Keyframes_stay_only_when_a_kept_rule_names_them()
    {
        const string css = "@keyframes spin{0%{x:0}to{x:1}}@-webkit-keyframes fade{from{x:0}to{x:1}}.a{animation:spin 1s}.b{animation:fade 1s}";

        Assert.Equal("@keyframes spin{0%{x:0}to{x:1}}.a{animation:spin 1s}", CssTrimmer.Trim(css, Classes("a")));
    }

    [Fact]
    public void The_licence_notice_stays_at_the_top_and_other_comments_go()
    {
        const string css = "\uFEFF/*!\n * Library (MIT)\n */.a{x:1}/* note */.b{x:2}";

        Assert.Equal("/*!\n * Library (MIT)\n */\n.a{x:1}", CssTrimmer.Trim(css, Classes("a")));
    }

    [Fact]
    public void A_literal_ending_in_a_hyphen_stands_for_the_classes_code_completes_from_it()
    {
        var classes = Classes("\"mud-button-\" + variant", "mud-");

        Assert.True(classes.Contains("mud-button-filled-primary"));
        Assert.False(classes.Contains("mud-chip-filled"), "\"mud-\" alone is no prefix: it would keep every MudBlazor class");
        Assert.False(classes.Contains("mud-butto"));
    }

    [Fact]
    public void Trimming_is_deterministic()
    {
        const string css = ".b{x:1}@media(min-width:1px){.a{x:2}}.a,.b{x:3}";

        Assert.Equal(CssTrimmer.Trim(css, Classes("a b")), CssTrimmer.Trim(css, Classes("b a")));
    }

    [Fact]
    public void A_component_brings_the_literals_of_the_components_it_renders()
    {
        var read = ComponentLiterals.Read(typeof(MudMenu).Assembly.Location, ["MudMenu"]);

        Assert.Contains("MudBlazor.MudMenu", read.Components);
        Assert.Contains("MudBlazor.MudPopover", read.Components);
        Assert.DoesNotContain("MudBlazor.MudDataGrid`1", read.Components);
        Assert.Contains(read.Literals, l => l.Split(' ').Contains("mud-menu"));
        Assert.Contains(read.Literals, l => l.Split(' ').Contains("mud-popover"));
    }

    [Fact]
    public void Comments_name_no_component()
    {
        var text = MudCss.WithoutComments("@* unlike MudDataGrid *@ <MudButton /> // MudTable\n/* MudChart */ \"https://x\" MudText");

        Assert.DoesNotContain("MudDataGrid", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MudTable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MudChart", text, StringComparison.Ordinal);
        Assert.Contains("<MudButton />", text, StringComparison.Ordinal);
        Assert.Contains("MudText", text, StringComparison.Ordinal);
    }
}
