using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ondermijning.Engine.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AtomInspectionsShareLocations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections");

            migrationBuilder.AddColumn<Guid>(
                name: "SameLocationAs",
                table: "atom_inspections",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections",
                columns: new[] { "Municipality", "InspectedOn", "CaseId", "LastOnderDwangsom", "HandhavingWabo", "SocialeRecherche", "Other", "SameLocationAs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections");

            migrationBuilder.DropColumn(
                name: "SameLocationAs",
                table: "atom_inspections");

            migrationBuilder.CreateIndex(
                name: "IX_atom_inspections_Municipality_InspectedOn_Outcomes",
                table: "atom_inspections",
                columns: new[] { "Municipality", "InspectedOn", "CaseId", "LastOnderDwangsom", "HandhavingWabo", "SocialeRecherche", "Other" });
        }
    }
}
