using KoreaTimeline.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KoreaTimeline.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasIndex(a => a.Source).IsUnique();
        builder.HasIndex(a => a.ContentHash).IsUnique();
        builder.Property(a => a.Source).HasMaxLength(1024);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.PublishedSource).HasMaxLength(16);
        builder.Property(a => a.ExtractorVersion).HasMaxLength(32);
        builder.HasMany(a => a.Evidence).WithOne(e => e.Article).HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
