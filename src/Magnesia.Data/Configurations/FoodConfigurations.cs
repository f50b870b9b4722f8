using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Magnesia.Data.Configurations;

// The catalogue's tables: foods, their nutrients and portions, groups, datasets, the import log and the search snapshot.

internal sealed class FoodGroupConfiguration : IEntityTypeConfiguration<FoodGroupRecord>
{
    public void Configure(EntityTypeBuilder<FoodGroupRecord> e)
    {
        e.ToTable("food_groups");
        e.HasKey(g => g.Code);
        e.Property(g => g.Code).HasMaxLength(4);
        e.Property(g => g.Name).HasMaxLength(100);
    }
}

internal sealed class FoodConfiguration : IEntityTypeConfiguration<FoodRecord>
{
    public void Configure(EntityTypeBuilder<FoodRecord> e)
    {
        e.ToTable("foods");
        e.HasKey(f => f.Ndb);
        e.Property(f => f.Ndb).HasMaxLength(FoodRecord.MaxKeyLength);
        e.Property(f => f.Name).HasMaxLength(300);
        e.Property(f => f.ShortName).HasMaxLength(100);
        e.Property(f => f.GroupCode).HasMaxLength(4);
        e.Property(f => f.CommonNames).HasMaxLength(300);
        e.Property(f => f.Manufacturer).HasMaxLength(200);
        e.Property(f => f.ScientificName).HasMaxLength(100);
        e.Property(f => f.Source).HasMaxLength(32);
        e.Property(f => f.SourceId).HasMaxLength(FoodRecord.MaxKeyLength);
        e.Property(f => f.Gtin).HasMaxLength(14);
        e.Property(f => f.BrandName).HasMaxLength(200);
        e.Property(f => f.Release).HasMaxLength(32);
        e.HasIndex(f => f.Gtin);
        e.HasIndex(f => new { f.Source, f.SourceId });
        e.HasOne<FoodGroupRecord>().WithMany().HasForeignKey(f => f.GroupCode);
        e.HasIndex(f => f.GroupCode);
        e.HasMany(f => f.Nutrients).WithOne().HasForeignKey(n => n.Ndb).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FoodNutrientConfiguration : IEntityTypeConfiguration<FoodNutrientRecord>
{
    public void Configure(EntityTypeBuilder<FoodNutrientRecord> e)
    {
        e.ToTable("food_nutrients");
        e.HasKey(n => new { n.Ndb, n.Nutrient });
        e.Property(n => n.Ndb).HasMaxLength(FoodRecord.MaxKeyLength);
        e.Property(n => n.Nutrient).HasMaxLength(16).HasConversion<ContractNameConverter<Nutrient>>();
    }
}

internal sealed class PortionConfiguration : IEntityTypeConfiguration<PortionRecord>
{
    public void Configure(EntityTypeBuilder<PortionRecord> e)
    {
        e.ToTable("food_portions");
        e.HasKey(p => new { p.Ndb, p.Sequence });
        e.Property(p => p.Ndb).HasMaxLength(FoodRecord.MaxKeyLength);
        e.Property(p => p.Description).HasMaxLength(200);
        e.HasOne<FoodRecord>().WithMany(f => f.Portions).HasForeignKey(p => p.Ndb).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchSnapshotConfiguration : IEntityTypeConfiguration<SearchSnapshotRecord>
{
    public void Configure(EntityTypeBuilder<SearchSnapshotRecord> e)
    {
        e.ToTable("search_snapshots");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(100);
    }
}

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<DatasetRecord>
{
    public void Configure(EntityTypeBuilder<DatasetRecord> e)
    {
        e.ToTable("datasets");
        e.HasKey(d => d.Id);
        e.Property(d => d.Id).HasMaxLength(32);
        e.Property(d => d.Description).HasMaxLength(300);
        e.Property(d => d.Release).HasMaxLength(32);
    }
}

internal sealed class FoodImportConfiguration : IEntityTypeConfiguration<FoodImportRecord>
{
    public void Configure(EntityTypeBuilder<FoodImportRecord> e)
    {
        e.ToTable("food_imports");
        e.Property(d => d.Dataset).HasMaxLength(32);
        e.Property(d => d.Release).HasMaxLength(32);
        e.Property(d => d.Origin).HasMaxLength(300);
        e.Property(d => d.Fingerprint).HasMaxLength(100);
        e.Property(d => d.EnergyBasis).HasMaxLength(200);
        e.HasIndex(d => new { d.Dataset, d.Fingerprint });
    }
}
