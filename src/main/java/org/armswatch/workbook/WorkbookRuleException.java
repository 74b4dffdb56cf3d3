package org.armswatch.workbook;

/** A written workbook breaks a rule of workbook.md: the message names the workbook, sheet, cell and rule. */
public final class WorkbookRuleException extends RuntimeException {

    private final String workbook;
    private final String sheet;
    private final String cell;
    private final String rule;

    public WorkbookRuleException(String workbook, String sheet, String cell, String rule) {
        super(workbook + ", sheet " + sheet + ", cell " + cell + ": " + rule);
        this.workbook = workbook;
        this.sheet = sheet;
        this.cell = cell;
        this.rule = rule;
    }

    public String workbook() {
        return workbook;
    }

    public String sheet() {
        return sheet;
    }

    public String cell() {
        return cell;
    }

    public String rule() {
        return rule;
    }
}
