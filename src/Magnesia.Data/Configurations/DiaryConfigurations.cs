using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Magnesia.Data.Configurations;

// Each user's tables: profile and periods, custom foods, recipes, entries, labs, products, prices and idempotent requests.

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<ProfileRecord>
{
    public void Configure(EntityTypeBuilder<ProfileRecord> e)
    {
        e.ToTable("profiles");
        e.HasKey(p => p.UserId);
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Sex).HasMaxLength(8);
        e.Property(p => p.Medications).HasMaxLength(500);
        e.HasMany(p => p.Periods).WithOne().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfilePeriodConfiguration : IEntityTypeConfiguration<ProfilePeriodRecord>
{
    public void Configure(EntityTypeBuilder<ProfilePeriodRecord> e)
    {
        e.ToTable("profile_periods");
        e.Property(p => p.Kind).HasMaxLength(16).HasConversion<ContractNameConverter<PeriodKind>>();
        e.Property(p => p.UserId).HasMaxLength(64);
    }
}

internal sealed class CustomFoodConfiguration : IEntityTypeConfiguration<CustomFoodRecord>
{
    public void Configure(EntityTypeBuilder<CustomFoodRecord> e)
    {
        e.ToTable("custom_foods");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Name).HasMaxLength(200);
        e.HasIndex(p => p.UserId);
        e.HasMany(p => p.Nutrients).WithOne().HasForeignKey(n => n.CustomFoodId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomFoodNutrientConfiguration : IEntityTypeConfiguration<CustomFoodNutrientRecord>
{
    public void Configure(EntityTypeBuilder<CustomFoodNutrientRecord> e)
    {
        e.ToTable("custom_food_nutrients");
        e.HasKey(n => new { n.CustomFoodId, n.Nutrient });
        e.Property(n => n.Nutrient).HasMaxLength(16).HasConversion<ContractNameConverter<Nutrient>>();
    }
}

internal sealed class RecipeConfiguration : IEntityTypeConfiguration<RecipeRecord>
{
    public void Configure(EntityTypeBuilder<RecipeRecord> e)
    {
        e.ToTable("recipes");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Name).HasMaxLength(200);
        e.HasIndex(p => p.UserId);
        e.HasMany(p => p.Ingredients).WithOne().HasForeignKey(i => i.RecipeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecipeIngredientConfiguration : IEntityTypeConfiguration<RecipeIngredientRecord>
{
    public void Configure(EntityTypeBuilder<RecipeIngredientRecord> e)
    {
        e.ToTable("recipe_ingredients");
        e.Property(p => p.FoodRef).HasMaxLength(16);
    }
}

internal sealed class EntryConfiguration : IEntityTypeConfiguration<EntryRecord>
{
    public void Configure(EntityTypeBuilder<EntryRecord> e)
    {
        e.ToTable("diary_entries");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Kind).HasMaxLength(16).HasConversion<ContractNameConverter<EntryKind>>();
        e.Property(p => p.Meal).HasMaxLength(16).HasConversion<ContractNameConverter<Meal>>();
        e.Property(p => p.FoodRef).HasMaxLength(16);
        e.Property(p => p.PortionEntered).HasMaxLength(100);
        e.Property(p => p.FormId).HasMaxLength(32);
        e.Property(p => p.SignId).HasMaxLength(32);
        e.Property(p => p.Note).HasMaxLength(1000);
        e.HasIndex(p => new { p.UserId, p.Date });
    }
}

internal sealed class FavouriteFoodConfiguration : IEntityTypeConfiguration<FavouriteFoodRecord>
{
    public void Configure(EntityTypeBuilder<FavouriteFoodRecord> e)
    {
        e.ToTable("favourite_foods");
        e.HasKey(p => new { p.UserId, p.FoodRef });
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.FoodRef).HasMaxLength(16);
        e.Property(p => p.Portion).HasMaxLength(100);
    }
}

internal sealed class LabConfiguration : IEntityTypeConfiguration<LabRecord>
{
    public void Configure(EntityTypeBuilder<LabRecord> e)
    {
        e.ToTable("lab_results");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Loinc).HasMaxLength(16);
        e.Property(p => p.Unit).HasMaxLength(16);
        e.HasIndex(p => new { p.UserId, p.Loinc, p.Date });
    }
}

internal sealed class SupplementProductConfiguration : IEntityTypeConfiguration<SupplementProductRecord>
{
    public void Configure(EntityTypeBuilder<SupplementProductRecord> e)
    {
        e.ToTable("supplement_products");
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.FormId).HasMaxLength(40);
        e.HasIndex(p => p.UserId);
    }
}

internal sealed class FoodPriceConfiguration : IEntityTypeConfiguration<FoodPriceRecord>
{
    public void Configure(EntityTypeBuilder<FoodPriceRecord> e)
    {
        e.ToTable("food_prices");
        e.HasKey(p => new { p.UserId, p.Ndb });
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Ndb).HasMaxLength(FoodRecord.MaxKeyLength);
        e.Property(p => p.Per).HasMaxLength(8);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequestRecord>
{
    public void Configure(EntityTypeBuilder<IdempotentRequestRecord> e)
    {
        e.ToTable("idempotent_requests");
        e.HasKey(p => new { p.UserId, p.Key });
        e.Property(p => p.UserId).HasMaxLength(64);
        e.Property(p => p.Key).HasMaxLength(Idempotency.MaxKeyLength);
        e.Property(p => p.RequestHash).HasMaxLength(64);
        e.Property(p => p.CreatedId).HasMaxLength(32);
    }
}
