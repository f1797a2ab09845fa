package dev.khabar.model;

import java.math.BigDecimal;

/**
 * An amount written in the body, with its unit.
 *
 * @param start code-point offset into the body
 * @param end   code-point offset just past the amount and its unit
 * @param value the number, scale words applied ({@code 600 مليون} = 600000000)
 * @param upper the upper bound of a range ({@code بين 250 و350}, {@code 250–300}), else {@code null}
 * @param kind  {@code currency}, {@code percent}, {@code measure} or {@code count}
 * @param unit  ISO 4217 code for a currency, {@code %} for a percentage, a symbol for a measure ({@code km}), or the
 *              counted noun as written, without the Arabic accusative ending ({@code مستشار}, {@code troops})
 */
public record Quantity(String text, int start, int end, BigDecimal value, BigDecimal upper, String kind, String unit) {
}
