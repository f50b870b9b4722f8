using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Magnesia.Data.Postgres.Migrations
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
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FoodRef = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Portion = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Quantity = table.Column<double>(type: "double precision", nullable: false),
                    Grams = table.Column<double>(type: "double precision", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
