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
    /// <summary>The profile, or null before <c>profile set</c>.</summary>
    public Task<DiaryProfile?> GetProfileAsync(CancellationToken ct = default) => ReadAsync(async (connection, tx) =>
    {
        ProfileRecord? p = null;
        await using (var command = Sql.Command(connection, tx, """
            SELECT "Sex", "BirthDate", "AgeYears", "AgeRecordedOn", "WeightKg", "Medications" FROM profiles WHERE "UserId" = @user
            """, ("@user", _userId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (reader.Read())
            {
                p = new ProfileRecord
                {
                    UserId = _userId, Sex = reader.GetString(0), BirthDate = Sql.ReadNullableDate(reader, 1), AgeYears = reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    AgeRecordedOn = Sql.ReadNullableDate(reader, 3), WeightKg = reader.IsDBNull(4) ? null : reader.GetDouble(4), Medications = reader.IsDBNull(5) ? null : reader.GetString(5),
                };
            }
        }

        if (p is null)
            return null;
        await using (var command = Sql.Command(connection, tx, """SELECT "Kind", "From", "To" FROM profile_periods WHERE "UserId" = @user""", ("@user", _userId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (reader.Read())
            {
                p.Periods.Add(new ProfilePeriodRecord
                {
                    UserId = _userId, Kind = ContractNames.Parse<PeriodKind>(reader.GetString(0)) ?? PeriodKind.Pregnancy, From = Sql.ReadDate(reader, 1), To = Sql.ReadDate(reader, 2),
                });
            }
        }

        return (DiaryProfile?)ToProfile(p);
    }, ct);

    internal static DiaryProfile ToProfile(ProfileRecord p) => new(
        LifeStage.ParseSex(p.Sex) ?? Sex.Female,
        p.BirthDate,
        p.AgeYears,
        p.AgeRecordedOn,
        [.. p.Periods.Where(x => x.Kind == PeriodKind.Pregnancy).OrderBy(x => x.From).Select(x => new DatePeriod(x.From, x.To))],
        [.. p.Periods.Where(x => x.Kind == PeriodKind.Lactation).OrderBy(x => x.From).Select(x => new DatePeriod(x.From, x.To))],
        p.WeightKg,
        p.Medications is null ? [] : [.. p.Medications.Split(',', StringSplitOptions.RemoveEmptyEntries)]);

    /// <summary>Creates or replaces the profile (the caller has checked it).</summary>
    public async Task SetProfileAsync(DiaryProfile profile, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        // Replace in one transaction: a process killed between the delete and the insert must not leave no profile.
        await using var tx = await Db.Database.BeginTransactionAsync(ct);
        var existing = await Db.Profiles.Include(x => x.Periods).SingleOrDefaultAsync(x => x.UserId == _userId, ct);
        if (existing is not null)
            Db.Profiles.Remove(existing);
        await Db.SaveChangesAsync(ct);
        Db.Profiles.Add(ToRecord(profile, _userId));
        await Db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    internal static ProfileRecord ToRecord(DiaryProfile p, string userId) => new()
    {
        UserId = userId,
        Sex = p.Sex == Sex.Male ? "male" : "female",
        BirthDate = p.BirthDate,
        AgeYears = p.AgeYears,
        AgeRecordedOn = p.AgeRecordedOn,
        WeightKg = p.WeightKg,
        Medications = p.Medications.Count == 0 ? null : string.Join(',', p.Medications),
        Periods =
        [
            .. p.Pregnancies.Select(x => new ProfilePeriodRecord { UserId = userId, Kind = PeriodKind.Pregnancy, From = x.From, To = x.To }),
            .. p.Lactations.Select(x => new ProfilePeriodRecord { UserId = userId, Kind = PeriodKind.Lactation, From = x.From, To = x.To }),
        ],
    };
}
