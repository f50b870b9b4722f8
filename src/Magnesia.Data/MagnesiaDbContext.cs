using Magnesia.Data.Diary;
using Magnesia.Foods;
using Magnesia.Intake;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Magnesia.Data;

/// <summary>
/// The Magnesia store: foods, the diary, labs, plans' products and prices, and the web face's accounts (ASP.NET Core
/// Identity tables) and Learn comments, so that one migration path upgrades everything under one lock.
/// </summary>
public class MagnesiaDbContext : IdentityDbContext<IdentityUser>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>A context over the SQLite store (the embedded default).</summary>
    public MagnesiaDbContext(DbContextOptions<MagnesiaDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the provider-specific subclass (<see cref="PostgresMagnesiaDbContext"/>): the same model, its own migrations.</summary>
    protected MagnesiaDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Foods with their per-100 g composition.</summary>
    public DbSet<FoodRecord> Foods => Set<FoodRecord>();

    /// <summary>Nutrients of foods per 100 g, one row per food and nutrient given.</summary>
    public DbSet<FoodNutrientRecord> FoodNutrients => Set<FoodNutrientRecord>();

    /// <summary>Nutrients of custom foods per 100 g.</summary>
    public DbSet<CustomFoodNutrientRecord> CustomFoodNutrients => Set<CustomFoodNutrientRecord>();

    /// <summary>Household portions of foods.</summary>
    public DbSet<PortionRecord> Portions => Set<PortionRecord>();

    /// <summary>Food groups.</summary>
    public DbSet<FoodGroupRecord> FoodGroups => Set<FoodGroupRecord>();

    /// <summary>Datasets provisioned into this store, one row each.</summary>
    public DbSet<DatasetRecord> Datasets => Set<DatasetRecord>();

    /// <summary>The food import log: one row per import of a dataset release.</summary>
    public DbSet<FoodImportRecord> FoodImports => Set<FoodImportRecord>();

    /// <summary>Diary profiles, one per user.</summary>
    public DbSet<ProfileRecord> Profiles => Set<ProfileRecord>();

    /// <summary>Pregnancy and lactation periods.</summary>
    public DbSet<ProfilePeriodRecord> ProfilePeriods => Set<ProfilePeriodRecord>();

    /// <summary>User-defined foods.</summary>
    public DbSet<CustomFoodRecord> CustomFoods => Set<CustomFoodRecord>();

    /// <summary>Recipes.</summary>
    public DbSet<RecipeRecord> Recipes => Set<RecipeRecord>();

    /// <summary>Recipe ingredients.</summary>
    public DbSet<RecipeIngredientRecord> RecipeIngredients => Set<RecipeIngredientRecord>();

    /// <summary>Food, supplement and symptom entries.</summary>
    public DbSet<EntryRecord> Entries => Set<EntryRecord>();

    /// <summary>Search index snapshots, one per key (index layout and lexicons).</summary>
    public DbSet<SearchSnapshotRecord> SearchSnapshots => Set<SearchSnapshotRecord>();

    /// <summary>Lab results.</summary>
    public DbSet<LabRecord> Labs => Set<LabRecord>();

    /// <summary>Supplement products.</summary>
    public DbSet<SupplementProductRecord> Products => Set<SupplementProductRecord>();

    /// <summary>Food prices.</summary>
    public DbSet<FoodPriceRecord> Prices => Set<FoodPriceRecord>();

    /// <summary>Starred foods, per user.</summary>
    public DbSet<FavouriteFoodRecord> Favourites => Set<FavouriteFoodRecord>();

    /// <summary>Creating requests made with an Idempotency-Key (other than diary entries).</summary>
    public DbSet<IdempotentRequestRecord> IdempotentRequests => Set<IdempotentRequestRecord>();

    /// <summary>The web app's data-protection keys when they are kept in the store (a shared server's instances share them).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Reader comments under the Learn pages.</summary>
    public DbSet<CommentRecord> Comments => Set<CommentRecord>();

    /// <inheritdoc />
    protected sealed override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        // One configuration per table, in Configurations/ (catalogue, diary, site).
        builder.ApplyConfiguration(new Configurations.DataProtectionKeyConfiguration());
        builder.ApplyConfiguration(new Configurations.IdempotentRequestConfiguration());
        builder.ApplyConfiguration(new Configurations.CommentConfiguration());
        builder.ApplyConfiguration(new Configurations.SupplementProductConfiguration());
        builder.ApplyConfiguration(new Configurations.FoodPriceConfiguration());
        builder.ApplyConfiguration(new Configurations.LabConfiguration());
        builder.ApplyConfiguration(new Configurations.FavouriteFoodConfiguration());
        builder.ApplyConfiguration(new Configurations.ProfileConfiguration());
        builder.ApplyConfiguration(new Configurations.ProfilePeriodConfiguration());
        builder.ApplyConfiguration(new Configurations.CustomFoodConfiguration());
        builder.ApplyConfiguration(new Configurations.CustomFoodNutrientConfiguration());
        builder.ApplyConfiguration(new Configurations.RecipeConfiguration());
        builder.ApplyConfiguration(new Configurations.RecipeIngredientConfiguration());
        builder.ApplyConfiguration(new Configurations.EntryConfiguration());
        builder.ApplyConfiguration(new Configurations.FoodGroupConfiguration());
        builder.ApplyConfiguration(new Configurations.FoodConfiguration());
        builder.ApplyConfiguration(new Configurations.FoodNutrientConfiguration());
        builder.ApplyConfiguration(new Configurations.PortionConfiguration());
        builder.ApplyConfiguration(new Configurations.SearchSnapshotConfiguration());
        builder.ApplyConfiguration(new Configurations.DatasetConfiguration());
        builder.ApplyConfiguration(new Configurations.FoodImportConfiguration());
    }
}

/// <summary>A food row; its nutrients per 100 g are rows of <see cref="FoodNutrientRecord"/>.</summary>
public sealed class FoodRecord
{
    /// <summary>NDB number with leading zeros.</summary>
    public required string Ndb { get; set; }

    /// <summary>Long description.</summary>
    public required string Name { get; set; }

    /// <summary>SR28 abbreviated description.</summary>
    public string? ShortName { get; set; }

    /// <summary>Food group code.</summary>
    public required string GroupCode { get; set; }

    /// <summary>Common names separated by ", " as SR28 stores them.</summary>
    public string? CommonNames { get; set; }

    /// <summary>Manufacturer of a branded food.</summary>
    public string? Manufacturer { get; set; }

    /// <summary>Scientific name.</summary>
    public string? ScientificName { get; set; }

    /// <summary>Used in FNDDS to code NHANES intakes.</summary>
    public bool SurveyFood { get; set; }

    /// <summary>Nutrients per 100 g; a nutrient the data leaves empty has no row.</summary>
    public List<FoodNutrientRecord> Nutrients { get; set; } = [];

    /// <summary>Which dataset the row came from, e.g. <c>usda-sr28</c>, <c>fdc-branded</c>.</summary>
    public required string Source { get; set; }

    /// <summary>The food's id in its dataset: NDB number, FDC id or IFCT code.</summary>
    public string? SourceId { get; set; }

    /// <summary>Barcode of a branded food, as 14 digits.</summary>
    public string? Gtin { get; set; }

    /// <summary>Brand name of a branded food (the brand owner is <see cref="Manufacturer"/>).</summary>
    public string? BrandName { get; set; }

    /// <summary>The dataset release the food came with.</summary>
    public string? Release { get; set; }

    /// <summary>Replaced by a newer release, kept for the diary entries and recipes that point at it.</summary>
    public bool Retired { get; set; }

    /// <summary>The longest food key: <c>fdc:</c> and an FDC id, <c>ifct:</c> and a code, or an NDB number.</summary>
    public const int MaxKeyLength = 24;

    /// <summary>Household portions.</summary>
    public List<PortionRecord> Portions { get; set; } = [];
}

/// <summary>
/// One nutrient of a food per 100 g, in whole thousandths of the nutrient's unit (µg for mg, mg for g, cal for kcal):
/// exact and sortable, for every nutrient of <see cref="Nutrient"/>.
/// </summary>
public sealed class FoodNutrientRecord
{
    /// <summary>The food.</summary>
    public required string Ndb { get; set; }

    /// <summary>The nutrient (stored by its id, e.g. <c>sodium</c>).</summary>
    public Nutrient Nutrient { get; set; }

    /// <summary>Amount per 100 g, thousandths of the unit.</summary>
    public long Amount { get; set; }
}

/// <summary>A household portion row.</summary>
public sealed class PortionRecord
{
    /// <summary>The food.</summary>
    public required string Ndb { get; set; }

    /// <summary>Order within the food, from 1.</summary>
    public int Sequence { get; set; }

    /// <summary>The measure, e.g. "1 cup".</summary>
    public required string Description { get; set; }

    /// <summary>Its weight in grams.</summary>
    public double Grams { get; set; }
}

/// <summary>A food group row.</summary>
public sealed class FoodGroupRecord
{
    /// <summary>Four-digit code.</summary>
    public required string Code { get; set; }

    /// <summary>Description.</summary>
    public required string Name { get; set; }
}

/// <summary>
/// A built food search index, so a process that only searches need not rebuild it. Derived data: any import that
/// changes the foods deletes every row, and a new key (index layout or lexicons changed) replaces older ones.
/// </summary>
public sealed class SearchSnapshotRecord
{
    /// <summary>What the snapshot was built with.</summary>
    public required string Key { get; set; }

    /// <summary>The snapshot bytes.</summary>
    public required byte[] Data { get; set; }

    /// <summary>When it was built (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One import of a food dataset release (<c>magnesia foods sources</c>).</summary>
public sealed class FoodImportRecord
{
    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The dataset id, e.g. <c>fdc-branded</c>.</summary>
    public required string Dataset { get; set; }

    /// <summary>The release, e.g. <c>2024-10-31</c>.</summary>
    public string? Release { get; set; }

    /// <summary>The folder or file imported (its name only).</summary>
    public required string Origin { get; set; }

    /// <summary>What identifies the release's content: a second import with the same fingerprint changes nothing.</summary>
    public required string Fingerprint { get; set; }

    /// <summary>Foods imported.</summary>
    public int Foods { get; set; }

    /// <summary>Nutrient values imported.</summary>
    public long Nutrients { get; set; }

    /// <summary>Household portions imported.</summary>
    public int Portions { get; set; }

    /// <summary>Foods of the previous release kept as retired because diary entries, recipes or prices point at them.</summary>
    public int Retired { get; set; }

    /// <summary>Input rows read.</summary>
    public long RowsRead { get; set; }

    /// <summary>Where each food's energy came from, e.g. <c>1008: 120, 2048: 12</c>.</summary>
    public string? EnergyBasis { get; set; }

    /// <summary>How long the import took, seconds.</summary>
    public double Seconds { get; set; }

    /// <summary>When it finished (UTC).</summary>
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>A provisioned dataset.</summary>
public sealed class DatasetRecord
{
    /// <summary>The release the store holds, e.g. <c>2024-10-31</c>.</summary>
    public string? Release { get; set; }

    /// <summary>Stable id, e.g. <c>usda-sr28</c>.</summary>
    public required string Id { get; set; }

    /// <summary>What it is and where it came from.</summary>
    public required string Description { get; set; }

    /// <summary>Number of foods imported.</summary>
    public int FoodCount { get; set; }

    /// <summary>When it was imported (UTC).</summary>
    public DateTimeOffset ImportedAt { get; set; }
}

/// <summary>Stores an enum as its readable lower-case name (<see cref="ContractNames"/>): the rows stay readable and
/// match the strings earlier versions wrote.</summary>
public sealed class ContractNameConverter<T>() : ValueConverter<T, string>(v => ContractNames.Name(v), v => ContractNames.Parse<T>(v)!.Value)
    where T : struct, Enum;

/// <summary>A reader's comment under a Learn page: plain text, shown escaped; its author may delete it, an administrator may hide it.</summary>
public sealed class CommentRecord
{
    /// <summary>Longest comment, in characters.</summary>
    public const int MaxLength = 2000;

    /// <summary>Row id.</summary>
    public long Id { get; set; }

    /// <summary>The Learn page, e.g. <c>dri</c>.</summary>
    public required string Page { get; set; }

    /// <summary>Owner (account id).</summary>
    public required string UserId { get; set; }

    /// <summary>Name shown with the comment.</summary>
    public required string Author { get; set; }

    /// <summary>The comment, plain text.</summary>
    public required string Text { get; set; }

    /// <summary>When it was posted (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hidden by an administrator.</summary>
    public bool Hidden { get; set; }
}

/// <summary>
/// The store on PostgreSQL: the same model as <see cref="MagnesiaDbContext"/>; a type of its own so that its migrations
/// (<c>Postgres/Migrations</c>) and compiled model (<c>Postgres/CompiledModel</c>) are found apart from SQLite's.
/// </summary>
public sealed class PostgresMagnesiaDbContext(DbContextOptions<PostgresMagnesiaDbContext> options) : MagnesiaDbContext(options);
