package io.counterweight.app.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A row of the study's count/weight table: one label ("count" or "weight") and a value per class.
 * Columns are rebuilt only when the classes change; moving a slider only replaces the two rows.
 */
public record ClassTableRow(String label, List<String> values) {

    public static void fill(TableView<ClassTableRow> table, List<ClassRow> rows) {
        List<String> names = rows.stream().map(ClassRow::name).toList();
        List<String> current = table.getColumns().stream().skip(1).map(TableColumn::getText).toList();
        if (!current.equals(names)) rebuildColumns(table, names);
        List<String> counts = new ArrayList<>(), weights = new ArrayList<>();
        for (ClassRow r : rows) {
            counts.add(String.format(Locale.ROOT, "%,d", r.count()));
            weights.add(formatWeight(r.weight()));
        }
        table.getItems().setAll(new ClassTableRow("count", counts), new ClassTableRow("weight", weights));
    }

    /** Three significant digits, no exponent for the usual range (0.002 … 500). */
    static String formatWeight(double w) {
        if (w == 0) return "0";
        if (w >= 100) return String.format(Locale.ROOT, "%.0f", w);
        if (w >= 0.001) return new java.math.BigDecimal(w).round(new java.math.MathContext(3)).toPlainString();
        return String.format(Locale.ROOT, "%.2e", w);
    }

    private static void rebuildColumns(TableView<ClassTableRow> table, List<String> names) {
        List<TableColumn<ClassTableRow, String>> cols = new ArrayList<>();
        TableColumn<ClassTableRow, String> head = new TableColumn<>("");
        head.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        head.setPrefWidth(80);
        head.getStyleClass().add("row-header");
        cols.add(head);
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<ClassTableRow, String> col = new TableColumn<>(names.get(i));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().values().get(index)));
            col.setPrefWidth(Math.max(70, 9 * names.get(i).length()));
            col.setSortable(false);
            col.getStyleClass().add("number");
            cols.add(col);
        }
        table.getColumns().setAll(cols);
    }
}
