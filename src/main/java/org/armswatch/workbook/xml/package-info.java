/**
 * The one place the job leans on SXSSF's internals, fenced: {@link org.armswatch.workbook.xml.StreamedWorkbook} writes
 * a table's rows straight to the sheet XML (a row and a cell object for each of millions of cells cost more than the
 * XML), and {@link org.armswatch.workbook.xml.SheetXmlScanner} reads a written sheet back for the workbook's check. The
 * rest of the workbook package uses POI's public API. {@code StreamedWorkbookGoldenTest} holds the writer to POI's: the
 * same rows written both ways must read back alike, cell by cell.
 */
package org.armswatch.workbook.xml;
