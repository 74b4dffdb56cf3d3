/**
 * Publication-style charts as PNG, drawn from values the job hands over; this package knows nothing of SQL or
 * workbooks. {@link org.armswatch.chart.ChartDrawer} writes {@code top-destinations.png} and
 * {@code timeline-<countryCode>.png}, each 1280×900 (drawn at 640×450, scaled 2×), and returns the headline, subtitle
 * and alt text generated from the same numbers as the picture.
 */
package org.armswatch.chart;
