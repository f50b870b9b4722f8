using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class FoodProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BrandName",
                table: "foods",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gtin",
                table: "foods",
                type: "TEXT",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Release",
                table: "foods",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "foods",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "foods",
                type: "TEXT",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Release",
                table: "datasets",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            // Foods stored before provenance are SR28 foods: their source id is the NDB number.
            migrationBuilder.Sql("UPDATE foods SET \"SourceId\" = \"Ndb\", \"Release\" = 'SR28' WHERE \"Source\" = 'usda-sr28'");
            migrationBuilder.Sql("UPDATE datasets SET \"Release\" = 'SR28' WHERE \"Id\" = 'usda-sr28'");

            migrationBuilder.CreateTable(
                name: "food_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Release = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Foods = table.Column<int>(type: "INTEGER", nullable: false),
                    Nutrients = table.Column<long>(type: "INTEGER", nullable: false),
                    Portions = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsRead = table.Column<long>(type: "INTEGER", nullable: false),
                    EnergyBasis = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_food_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_foods_Gtin",
                table: "foods",
                column: "Gtin");

            migrationBuilder.CreateIndex(
                name: "IX_foods_Source_SourceId",
                table: "foods",
                columns: new[] { "Source", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_food_imports_Dataset_Fingerprint",
                table: "food_imports",
                columns: new[] { "Dataset", "Fingerprint" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "food_imports");

            migrationBuilder.DropIndex(
                name: "IX_foods_Gtin",
                table: "foods");

            migrationBuilder.DropIndex(
                name: "IX_foods_Source_SourceId",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "BrandName",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "Gtin",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "Release",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "Retired",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "SourceId",
                table: "foods");

            migrationBuilder.DropColumn(
                name: "Release",
                table: "datasets");
        }
    }
}
