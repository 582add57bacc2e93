/* Jinlin dashboard: plain script, no build step. Every figure comes from the API. */
(function () {
  'use strict';
  var TEXT = {
    zh: {
      title: '社区服务看板',
      community: '小区',
      from: '从',
      to: '到',
      refresh: '刷新',
      useToken: '使用令牌',
      responseRate: '响应率',
      resolutionRate: '解决率',
      satisfactionRate: '满意率',
      filed: '受理',
      backlog: '待办',
      overdue: '超时',
      reopenRate: '返工率',
      firstResponse: '首次响应 p50 / p90',
      resolution: '解决用时 p50 / p90',
      trend: '每日受理与已解决（按受理日）',
      backlogByCategory: '各类别待办',
      handover: '物业交接进度',
      overdueList: '超时工单',
      ticket: '工单',
      category: '类别',
      status: '状态',
      deadline: '解决期限',
      timeline: '处理记录',
      filedSeries: '受理',
      resolvedSeries: '已解决',
      lang: 'English',
      needToken: '请先输入令牌',
      chainValid: '哈希链校验：完整',
      chainBroken: '哈希链校验：已被篡改！',
      done: '完成',
      days: '天',
      blockers: '未解决问题',
    },
    en: {
      title: 'Community service dashboard',
      community: 'Community',
      from: 'From',
      to: 'To',
      refresh: 'Refresh',
      useToken: 'Use token',
      responseRate: 'Response rate',
      resolutionRate: 'Resolution rate',
      satisfactionRate: 'Satisfaction rate',
      filed: 'Filed',
      backlog: 'Backlog',
      overdue: 'Overdue',
      reopenRate: 'Reopen rate',
      firstResponse: 'First response p50 / p90',
      resolution: 'Resolution p50 / p90',
      trend: 'Filed and resolved per day (by filing day)',
      backlogByCategory: 'Backlog by category',
      handover: 'Handover progress',
      overdueList: 'Overdue tickets',
      ticket: 'Ticket',
      category: 'Category',
      status: 'Status',
      deadline: 'Resolve by',
      timeline: 'Timeline',
      filedSeries: 'Filed',
      resolvedSeries: 'Resolved',
      lang: '中文',
      needToken: 'Enter a token first',
      chainValid: 'Hash chain: intact',
      chainBroken: 'Hash chain: TAMPERED!',
      done: 'done',
      days: 'days',
      blockers: 'open blockers',
    },
  };
  var lang = sessionStorage.getItem('jinlin.lang') || 'zh';
  var $ = function (id) {
    return document.getElementById(id);
  };
  var t = function (key) {
    return TEXT[lang][key] || key;
  };
  var charts = {};

  function api(path) {
    var token = sessionStorage.getItem('jinlin.token');
    if (!token) return Promise.reject(new Error(t('needToken')));
    return fetch(path, { headers: { authorization: 'Bearer ' + token } }).then(function (r) {
      if (!r.ok)
        return r.json().then(function (p) {
          throw new Error(r.status + ' ' + (p.detail || ''));
        });
      return r.json();
    });
  }

  var pct = function (v) {
    return v === null || v === undefined ? '–' : (v * 100).toFixed(1) + '%';
  };
  function duration(s) {
    if (s === null || s === undefined) return '–';
    if (s < 3600) return Math.round(s / 60) + ' min';
    if (s < 86400) return (s / 3600).toFixed(1) + ' h';
    return (s / 86400).toFixed(1) + ' d';
  }

  function translate() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach(function (el) {
      el.textContent = t(el.getAttribute('data-i18n'));
    });
    $('lang').textContent = t('lang');
  }

  function showFigures(total) {
    ['responseRate', 'resolutionRate', 'satisfactionRate', 'reopenRate'].forEach(function (k) {
      document.querySelector('[data-figure="' + k + '"]').textContent = pct(total[k]);
    });
    ['filed', 'backlog', 'overdue'].forEach(function (k) {
      document.querySelector('[data-figure="' + k + '"]').textContent = String(total[k]);
    });
    ['firstResponseSeconds', 'resolutionSeconds'].forEach(function (k) {
      document.querySelector('[data-figure="' + k + '"]').textContent = duration(total[k].p50) + ' / ' + duration(total[k].p90);
    });
  }

  function chart(id, option) {
    charts[id] = charts[id] || echarts.init($(id));
    charts[id].setOption(option, true);
  }

  function showTrend(groups) {
    var days = groups.map(function (g) {
      return g.key;
    });
    chart('trend', {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('filedSeries'), t('resolvedSeries')] },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('filedSeries'),
          type: 'line',
          data: groups.map(function (g) {
            return g.filed;
          }),
        },
        {
          name: t('resolvedSeries'),
          type: 'line',
          data: groups.map(function (g) {
            return g.filed - g.withdrawn - g.backlog;
          }),
        },
      ],
    });
  }

  function showCategories(groups) {
    var withBacklog = groups.filter(function (g) {
      return g.backlog > 0;
    });
    chart('categories', {
      tooltip: {},
      grid: { left: 110 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: withBacklog.map(function (g) {
          return g.key;
        }),
      },
      series: [
        {
          type: 'bar',
          data: withBacklog.map(function (g) {
            return g.backlog;
          }),
        },
      ],
    });
  }

  function showOverdue(items) {
    var body = document.querySelector('#overdue tbody');
    body.innerHTML = '';
    items.forEach(function (ticket) {
      var row = body.insertRow();
      var link = document.createElement('a');
      link.href = '#/tickets/' + ticket.id;
      link.textContent = ticket.title;
      link.addEventListener('click', function (e) {
        e.preventDefault();
        showTimeline(ticket.id);
      });
      row.insertCell().appendChild(link);
      [ticket.category, ticket.status, new Date(ticket.deadlines.resolveBy).toLocaleString()].forEach(function (text) {
        row.insertCell().textContent = text;
      });
    });
  }

  function showTimeline(id) {
    api('/tickets/' + id + '/timeline')
      .then(function (tl) {
        $('timeline').hidden = false;
        $('chain').textContent = tl.chain === 'valid' ? t('chainValid') : t('chainBroken');
        var list = $('events');
        list.innerHTML = '';
        tl.events.forEach(function (e) {
          var li = document.createElement('li');
          li.textContent = new Date(e.at).toLocaleString() + ' · ' + e.type + ' · ' + (e.actor ? e.actor.id : 'system');
          list.appendChild(li);
        });
      })
      .catch(report);
  }

  function showHandover(items) {
    var active = items.filter(function (h) {
      return h.status === 'active';
    })[0];
    $('handover').hidden = !active;
    if (!active) return;
    $('handover-bar').style.width = active.percentDone + '%';
    $('handover-text').textContent =
      active.outgoingCompanyId +
      ' → ' +
      (active.incomingCompanyId || '?') +
      ' · ' +
      active.percentDone +
      '% ' +
      t('done') +
      ' · ' +
      active.daysElapsed +
      ' ' +
      t('days') +
      ' · ' +
      active.openBlockers.length +
      ' ' +
      t('blockers');
  }

  function report(error) {
    $('status').textContent = error.message;
  }

  function refresh() {
    $('status').textContent = '';
    var community = $('community').value;
    if (!community) return;
    var range =
      'communityId=' +
      encodeURIComponent(community) +
      '&from=' +
      new Date($('from').value + 'T00:00:00+08:00').toISOString() +
      '&to=' +
      new Date($('to').value + 'T00:00:00+08:00').toISOString();
    Promise.all([
      api('/dashboards/summary?' + range + '&groupBy=day'),
      api('/dashboards/summary?' + range + '&groupBy=category'),
      api('/tickets?overdue=true&limit=50&communityId=' + encodeURIComponent(community)),
      api('/handovers?communityId=' + encodeURIComponent(community)).catch(function () {
        return { items: [] };
      }),
    ])
      .then(function (r) {
        showFigures(r[0].total);
        showTrend(r[0].groups);
        showCategories(r[1].groups);
        showOverdue(r[2].items);
        showHandover(r[3].items);
        document.body.setAttribute('data-loaded', String(r[0].asOfPosition));
      })
      .catch(report);
  }

  function loadCommunities() {
    return api('/communities').then(function (r) {
      var select = $('community');
      select.innerHTML = '';
      r.items.forEach(function (c) {
        select.add(new Option(c.name + ' (' + c.id + ')', c.id));
      });
      var wanted = new URLSearchParams(location.search).get('communityId');
      if (wanted) select.value = wanted;
    });
  }

  function start() {
    var today = new Date();
    var monthAgo = new Date(today.getTime() - 30 * 86400000);
    var params = new URLSearchParams(location.search);
    $('to').value = params.get('to') || new Date(today.getTime() + 86400000).toISOString().slice(0, 10);
    $('from').value = params.get('from') || monthAgo.toISOString().slice(0, 10);
    translate();
    $('lang').addEventListener('click', function () {
      lang = lang === 'zh' ? 'en' : 'zh';
      sessionStorage.setItem('jinlin.lang', lang);
      translate();
      refresh();
    });
    $('token-form').addEventListener('submit', function (e) {
      e.preventDefault();
      sessionStorage.setItem('jinlin.token', $('token').value.trim());
      $('token').value = '';
      loadCommunities().then(refresh).catch(report);
    });
    $('refresh').addEventListener('click', refresh);
    $('community').addEventListener('change', refresh);
    $('close-timeline').addEventListener('click', function () {
      $('timeline').hidden = true;
    });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (k) {
        charts[k].resize();
      });
    });
    if (sessionStorage.getItem('jinlin.token')) loadCommunities().then(refresh).catch(report);
    else report(new Error(t('needToken')));
  }

  start();
})();
