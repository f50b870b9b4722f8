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
    /// <summary>Deletes a lab result of this user; false when there is none with that id.</summary>
    public async Task<bool> DeleteLabAsync(long id, CancellationToken ct = default) =>
        await Db.Labs.Where(l => l.UserId == _userId && l.Id == id).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Adds a lab result (the caller has checked kind, value and unit); returns it with its id.</summary>
    public async Task<LabResult> AddLabAsync(DateOnly date, LabKind kind, double value, string unit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var record = new LabRecord { UserId = _userId, Date = date, Loinc = kind.Loinc, Value = value, Unit = unit };
        Db.Labs.Add(record);
        await SaveCreatedAsync(() => record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return new LabResult(record.Id, date, kind, value, unit);
    }

    /// <summary>Every lab result of the user, by date then id.</summary>
    public async Task<IReadOnlyList<LabResult>> LabsAsync(CancellationToken ct = default) =>
        [.. (await Db.Labs.AsNoTracking().Where(l => l.UserId == _userId).OrderBy(l => l.Date).ThenBy(l => l.Id).ToListAsync(ct))
            .Where(l => Magnesia.Metabolic.Labs.Find(l.Loinc) is not null)
            .Select(l => new LabResult(l.Id, l.Date, Magnesia.Metabolic.Labs.Find(l.Loinc)!, l.Value, l.Unit))];
}
