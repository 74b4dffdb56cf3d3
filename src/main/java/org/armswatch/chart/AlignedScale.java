package org.armswatch.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;

/**
 * A value axis from zero in round steps. The two axes of a timeline share the number of steps, so each gridline of the
 * left axis meets a round tick on the right axis too.
 */
record AlignedScale(double step, int steps) {

    private static final int FEWEST_STEPS = 3;
    private static final int MOST_STEPS = 6;
    private static final double BELOW_ZERO_SHARE = 0.02;
    private static final double[] ROUND = {1, 2, 2.5, 5};

    /** Left and right scales with the same number of steps. */
    record Pair(AlignedScale left, AlignedScale right) {}

    /**
     * Tries 3 to 6 steps and keeps the count whose axes waste the least room above the data.
     *
     * @param leftHeadroom factor of room above the left maximum (bars need none)
     * @param rightHeadroom factor of room above the right maximum (a marker at the very top would be cut)
     */
    static Pair aligned(
            double leftMaximum,
            double leftHeadroom,
            boolean leftWhole,
            double rightMaximum,
            double rightHeadroom,
            boolean rightWhole) {
        Pair best = null;
        double bestFill = -1;
        for (int steps = MOST_STEPS; steps >= FEWEST_STEPS; steps--) {
            var left = new AlignedScale(roundStepAtLeast(leftMaximum * leftHeadroom / steps, leftWhole), steps);
            var right = new AlignedScale(roundStepAtLeast(rightMaximum * rightHeadroom / steps, rightWhole), steps);
            double fill = leftMaximum / left.top() + rightMaximum / right.top();
            if (fill > bestFill) {
                best = new Pair(left, right);
                bestFill = fill;
            }
        }
        return best;
    }

    double top() {
        return step * steps;
    }

    /**
     * The range dips a sliver below zero, the same share on both axes so their zeros stay level: markers for a count of
     * zero are then drawn whole, not cut in half by the plot's edge.
     */
    void applyTo(NumberAxis axis) {
        axis.setAutoRange(false);
        axis.setRange(-top() * BELOW_ZERO_SHARE, top());
        axis.setTickUnit(new NumberTickUnit(step, FigureText.wholeNumberFormat()));
    }

    static double roundStepAtLeast(double minimum, boolean wholeNumbers) {
        if (!(minimum > 0)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(minimum)));
        for (int scale = 0; ; scale++) {
            for (double round : ROUND) {
                double step = round * magnitude * Math.pow(10, scale);
                // Ticks are labelled in whole numbers: a step of 2.5 or 0.5 would show rounded, wrong labels.
                boolean whole = Math.rint(step) == step && step >= 1;
                if (step >= minimum * (1 - 1e-9) && (!wholeNumbers || whole)) {
                    return step;
                }
            }
        }
    }
}
