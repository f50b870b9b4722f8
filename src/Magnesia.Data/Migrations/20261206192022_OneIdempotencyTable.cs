using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneIdempotencyTable : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Entries' keys move to the one idempotency table, so a retry across the upgrade still finds its entry.
            migrationBuilder.Sql("""
                INSERT INTO idempotent_requests ("UserId", "Key", "RequestHash", "CreatedId", "CreatedAt")
                SELECT "UserId", "IdempotencyKey", COALESCE("RequestHash", ''), CAST("Id" AS TEXT), strftime('%Y-%m-%d %H:%M:%S+00:00', 'now')
                FROM diary_entries WHERE "IdempotencyKey" IS NOT NULL
                ON CONFLICT DO NOTHING
                """);
            migrationBuilder.DropIndex(
                name: "IX_diary_entries_UserId_IdempotencyKey",
                table: "diary_entries");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "diary_entries");

            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "diary_entries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "diary_entries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "diary_entries",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_diary_entries_UserId_IdempotencyKey",
                table: "diary_entries",
                columns: new[] { "UserId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }
    }
}
