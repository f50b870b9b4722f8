using System.Data.Common;
using Magnesia.Data.Foods;
using Magnesia.Foods;
using Magnesia.Intake;
using Magnesia.Metabolic;
using Magnesia.Screening;
using Magnesia.References;
using Magnesia.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Magnesia.Data.Diary;

public sealed partial class DiaryStore
{
    /// <summary>Adds a supplement product (the caller has checked the values); returns it with its id (<c>p1</c>, …).</summary>
    public async Task<Magnesia.Planning.SupplementProduct> AddProductAsync(string name, Magnesia.References.SupplementForm form, double elementalMgPerUnit, int units, double price, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var record = new SupplementProductRecord { UserId = _userId, Name = name, FormId = form.Id, ElementalMgPerUnit = elementalMgPerUnit, Units = units, Price = price };
        Db.Products.Add(record);
        await SaveCreatedAsync(() => new ProductId(record.Id).ToString(), ct);
        return new Magnesia.Planning.SupplementProduct(new ProductId(record.Id).ToString(), name, form, elementalMgPerUnit, units, price);
    }

    /// <summary>The user's supplement products, by id.</summary>
    public async Task<IReadOnlyList<Magnesia.Planning.SupplementProduct>> ProductsAsync(CancellationToken ct = default) =>
        [.. (await Db.Products.AsNoTracking().Where(p => p.UserId == _userId).OrderBy(p => p.Id).ToListAsync(ct))
            .Where(p => Magnesia.References.SupplementForms.Find(p.FormId) is not null)
            .Select(p => new Magnesia.Planning.SupplementProduct(new ProductId(p.Id).ToString(), p.Name, Magnesia.References.SupplementForms.Find(p.FormId)!, p.ElementalMgPerUnit, p.Units, p.Price))];

    /// <summary>Sets (or replaces) the price of a catalogue food: <paramref name="price"/> per 100 g, kg or lb.</summary>
    /// <remarks>One upsert statement (SQLite and PostgreSQL share the syntax): two requests at once both succeed, the later wins.</remarks>
    public async Task<double> SetPriceAsync(string ndb, double price, string per, CancellationToken ct = default)
    {
        var pricePerGram = Magnesia.Planning.FoodPrices.PerGram(price, per);
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO food_prices ("UserId", "Ndb", "Price", "Per", "PricePerGram") VALUES ({_userId}, {ndb}, {price}, {per}, {pricePerGram})
            ON CONFLICT ("UserId", "Ndb") DO UPDATE SET "Price" = excluded."Price", "Per" = excluded."Per", "PricePerGram" = excluded."PricePerGram"
            """, ct);
        return pricePerGram;
    }

    /// <summary>The user's food prices: NDB number, price as entered, its quantity, and price per gram.</summary>
    public async Task<IReadOnlyList<(string FoodId, double Price, string Per, double PricePerGram)>> PricesAsync(CancellationToken ct = default) =>
        [.. (await Db.Prices.AsNoTracking().Where(p => p.UserId == _userId).OrderBy(p => p.Ndb).ToListAsync(ct)).Select(p => (p.Ndb, p.Price, p.Per, p.PricePerGram))];
}
