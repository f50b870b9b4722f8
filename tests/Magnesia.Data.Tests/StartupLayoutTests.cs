using System.Reflection;
using Magnesia.Data.Diary;
using Microsoft.EntityFrameworkCore;

namespace Magnesia.Data.Tests;

public sealed class StartupLayoutTests
{
    // The published CLI keeps EF Core and ASP.NET Identity out of its composite ReadyToRun image, and crossgen2 cannot
    // load a type with a field whose type derives from theirs: every method of such a type is then JIT-compiled at each
    // start (measured: `magnesia log food 2 eggs` 118 → 96 ms once the diary door's context field became `object`;
    // bench/README.md, issue 22). The types on the short commands' path hold no such field.
    [Theory]
    [InlineData(typeof(DiaryStore))]
    [InlineData(typeof(Store))]
    public void TypesOnTheShortCommandsPath_HoldNoFieldOfAnEfCoreType(Type type)
    {
        var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(f => typeof(DbContext).IsAssignableFrom(f.FieldType) || f.FieldType.Assembly.GetName().Name!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                || f.FieldType.Assembly.GetName().Name!.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal))
            .Select(f => $"{f.Name}: {f.FieldType.Name}");
        Assert.Empty(fields);
    }
}
