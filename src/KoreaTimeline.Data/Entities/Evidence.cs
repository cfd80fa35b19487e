namespace KoreaTimeline.Data.Entities;

/// <summary>A quote of an article that states an event: <c>Article.Text[Start..End] == Text</c>.</summary>
public class Evidence
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    public int Start { get; set; }
    public int End { get; set; }
    public required string Text { get; set; }
}
