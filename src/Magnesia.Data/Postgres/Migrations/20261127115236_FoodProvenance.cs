using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Magnesia.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FoodProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Manufacturer",
                table: "foods",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "foods",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<string>(
                name: "BrandName",
                table: "foods",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gtin",
                table: "foods",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Release",
                table: "foods",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Retired",
                table: "foods",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "SourceId",
                table: "foods",
                type: "character varying(24)",
                maxLength: 24,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_prices",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "food_portions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_portions",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)");

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_nutrients",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(8)",
                oldMaxLength: 8);

            migrationBuilder.AddColumn<string>(
                name: "Release",
                table: "datasets",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Foods stored before provenance are SR28 foods: their source id is the NDB number.
            migrationBuilder.Sql("UPDATE foods SET \"SourceId\" = \"Ndb\", \"Release\" = 'SR28' WHERE \"Source\" = 'usda-sr28'");
            migrationBuilder.Sql("UPDATE datasets SET \"Release\" = 'SR28' WHERE \"Id\" = 'usda-sr28'");

            migrationBuilder.CreateTable(
                name: "food_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Dataset = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Release = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Origin = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Foods = table.Column<int>(type: "integer", nullable: false),
                    Nutrients = table.Column<long>(type: "bigint", nullable: false),
                    Portions = table.Column<int>(type: "integer", nullable: false),
                    Retired = table.Column<int>(type: "integer", nullable: false),
                    RowsRead = table.Column<long>(type: "bigint", nullable: false),
                    EnergyBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Manufacturer",
                table: "foods",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "foods",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_prices",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "Description",
                table: "food_portions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_portions",
                type: "character varying(8)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);

            migrationBuilder.AlterColumn<string>(
                name: "Ndb",
                table: "food_nutrients",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(24)",
                oldMaxLength: 24);
        }
    }
}
