using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Magnesia.Data.Configurations;

// The site's own tables: the data-protection keys and the Learn pages' comments.

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<CommentRecord>
{
    public void Configure(EntityTypeBuilder<CommentRecord> e)
    {
        e.ToTable("learn_comments");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Page).HasMaxLength(40);
        e.Property(p => p.Author).HasMaxLength(100);
        e.Property(p => p.Text).HasMaxLength(CommentRecord.MaxLength);
        e.HasIndex(p => new { p.Page, p.CreatedAt });
        e.HasIndex(p => p.UserId);
    }
}
