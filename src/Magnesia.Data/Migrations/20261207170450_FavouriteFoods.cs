using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Migrations
{
    /// <inheritdoc />
    public partial class FavouriteFoods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "favourite_foods",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FoodRef = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Portion = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Quantity = table.Column<double>(type: "REAL", nullable: false),
                    Grams = table.Column<double>(type: "REAL", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_favourite_foods", x => new { x.UserId, x.FoodRef });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "favourite_foods");
        }
    }
}
